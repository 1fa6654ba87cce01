// The finishing touches every chart gets, at build time or in the browser.

export interface ChartText {
  /** Short accessible name of the chart. */
  label: string;
  /** What the chart shows, in a sentence or two, for screen readers. */
  description: string;
}

/**
 * One image to assistive technology (its numbers are in the table beside it), with its
 * name and description; Plot's own labels on mark groups are dropped, as ARIA forbids them
 * inside an image. The namespace makes the markup a valid standalone .svg file too.
 */
export function finishChart(chart: Element, text: ChartText): Element {
  chart.setAttribute('role', 'img');
  for (const el of chart.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
  chart.setAttribute('aria-label', text.label);
  chart.setAttribute('aria-description', text.description);
  chart.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return chart;
}
