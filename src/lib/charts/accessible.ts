// The finishing touches every chart gets, at build time or in the browser.

export interface ChartText {
  /** Short accessible name of the chart. */
  label: string;
  /** What the chart shows, in a sentence or two, for screen readers. */
  description: string;
  /**
   * Its parts are reached one by one (a map's places): the chart is a group, and each part
   * the spec marks as an image (role="img", tabindex, aria-label) keeps its name.
   */
  explorable?: boolean;
}

/**
 * One image to assistive technology (its numbers are in the table beside it), with its
 * name and description; Plot's own labels on mark groups are dropped, as ARIA forbids them
 * inside an image. The namespace makes the markup a valid standalone .svg file too.
 */
export function finishChart(chart: Element, text: ChartText): Element {
  const explorable = text.explorable === true;
  chart.setAttribute('role', explorable ? 'group' : 'img');
  for (const el of chart.querySelectorAll('[aria-label]')) {
    if (!(explorable && el.getAttribute('role') === 'img')) el.removeAttribute('aria-label');
  }
  chart.setAttribute('aria-label', text.label);
  chart.setAttribute('aria-description', text.description);
  chart.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return chart;
}
