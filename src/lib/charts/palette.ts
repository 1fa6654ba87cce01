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

const DASH: Record<LegendItem['line'], string> = { solid: '', dashed: '3,3', 'long-dashed': '8,4', none: '' };

/**
 * A legend entry's line and marker as SVG markup, 32 px wide, starting at `x` and centred on
 * `y`: the page's legend and the downloaded SVG draw the same swatch.
 */
export function legendSwatch(item: LegendItem, x: number, y: number): string {
  const parts: string[] = [];
  if (item.line !== 'none') parts.push(`<line x1="${x}" y1="${y}" x2="${x + 32}" y2="${y}" stroke="${item.color}" stroke-width="2.5" stroke-dasharray="${DASH[item.line]}"/>`);
  const cx = x + 16;
  const shapes: Record<LegendItem['marker'], string> = {
    circle: `<circle cx="${cx}" cy="${y}" r="4" fill="${item.color}"/>`,
    'hollow-circle': `<circle cx="${cx}" cy="${y}" r="4" fill="white" stroke="${item.color}" stroke-width="2"/>`,
    square: `<rect x="${cx - 4}" y="${y - 4}" width="8" height="8" fill="${item.color}"/>`,
    ring: `<rect x="${cx - 5}" y="${y - 5}" width="10" height="10" fill="white" stroke="${item.color}" stroke-width="2"/>`,
    outline: `<rect x="${cx - 6}" y="${y - 5}" width="12" height="10" fill="white" stroke="${item.color}" stroke-width="2"/>`,
    diamond: `<path d="M${cx} ${y - 6} L${cx + 6} ${y} L${cx} ${y + 6} L${cx - 6} ${y} Z" fill="white" stroke="${item.color}" stroke-width="2"/>`,
    none: '',
  };
  parts.push(shapes[item.marker]);
  return parts.join('');
}
