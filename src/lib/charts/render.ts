// Renders an Observable Plot chart to a static SVG string at build time (DOM from linkedom),
// so pages show their charts with JavaScript off and ship no charting code.

import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { finishChart, type ChartText } from './accessible.ts';

/** Charts are drawn twice: wide for desktops, narrow (larger type, fewer labels) for phones. */
export type ChartSize = 'wide' | 'narrow';

export function renderPlotSvg(options: Plot.PlotOptions, text: ChartText): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chart = Plot.plot({ ...options, document: document as unknown as Document });
  return finishChart(chart, text).outerHTML;
}

/** The same chart for desktops and for phones; the page shows one by CSS media query. */
export interface ResponsiveChart {
  wide: string;
  narrow: string;
}

export function renderResponsive(spec: (size: ChartSize) => Plot.PlotOptions, text: ChartText): ResponsiveChart {
  return { wide: renderPlotSvg(spec('wide'), text), narrow: renderPlotSvg(spec('narrow'), text) };
}

