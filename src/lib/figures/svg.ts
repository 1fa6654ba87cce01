// A figure's chart as a standalone SVG file, rendered at build time (linkedom: Node only).

import { renderPlotSvg } from '../charts/render.ts';
import type { Figure } from './types.ts';

/** A figure's desktop chart(s) as one SVG file; a figure with several charts gets them side by side. */
export function figureSvg(figure: Figure): string {
  const svgs = figure.charts.map((c) => renderPlotSvg(c.spec('wide'), c));
  if (svgs.length === 1) return svgs[0]!;
  const width = 720 / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width * svgs.length}" height="300">${svgs
    .map((svg, i) => svg.replace('<svg ', `<svg x="${i * width}" `))
    .join('')}</svg>`;
}
