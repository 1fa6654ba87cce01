// Okabe–Ito colours: distinguishable with colour-blindness. Every series also differs by
// line style or marker, so charts still read when printed in greyscale.
export const COLORS = {
  prefecture: '#0072B2',
  national: '#E69F00',
  goal: '#D55E00',
  newFormula: '#009E73',
  neutral: '#56B4E9',
} as const;

export interface LegendItem {
  label: string;
  color: string;
  /** Line style of the series; 'none' for points only. */
  line: 'solid' | 'dashed' | 'long-dashed' | 'none';
  /** Filled markers for measured series, hollow ones (ring, diamond) for the new formula. */
  marker: 'circle' | 'square' | 'diamond' | 'ring' | 'none';
}
