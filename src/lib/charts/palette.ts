// Okabe–Ito hues, darkened where needed so every line and bar has 3:1 contrast on white
// (WCAG 1.4.11) and every label 4.5:1 (1.4.3). Every series also differs by line style or
// marker, so charts still read with colour-blindness and when printed in greyscale.
export const COLORS = {
  prefecture: '#0072B2',
  national: '#B88200',
  goal: '#D55E00',
  newFormula: '#009E73',
  neutral: '#3D95D0',
  /** Legend marks that stand for every series (an outlined bar of any colour). */
  ink: '#555555',
} as const;

/** Text in a series' colour: the same hue dark enough for 4.5:1 on white. */
export const TEXT_COLORS = {
  prefecture: '#0072B2',
  goal: '#B84F00',
  newFormula: '#007A5A',
} as const;

export interface LegendItem {
  label: string;
  color: string;
  /** Line style of the series; 'none' for points only. */
  line: 'solid' | 'dashed' | 'long-dashed' | 'none';
  /**
   * Filled markers for measured series, hollow ones (ring, diamond) for the new formula;
   * hollow-circle for years shown from published totals, outline for such bars.
   */
  marker: 'circle' | 'square' | 'diamond' | 'ring' | 'hollow-circle' | 'outline' | 'none';
}

/** The colour to write a label in beside a line or bar of `color`. */
export function textColor(color: string): string {
  if (color === COLORS.goal) return TEXT_COLORS.goal;
  if (color === COLORS.newFormula) return TEXT_COLORS.newFormula;
  return color;
}
