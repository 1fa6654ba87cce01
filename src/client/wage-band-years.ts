// Redraws the wage-band figure for the years in the URL (?years=…), with the same figure
// definition as the build: chart, legend, table and downloads all follow the choice.

import { legendSwatch } from '../lib/charts/palette.ts';
import { headingParts } from '../lib/i18n/phrases.ts';
import type { WageBandSite } from '../lib/figures/wage-bands.ts';
import { pageWords } from './words.ts';

const form = document.querySelector<HTMLFormElement>('form[data-year-picker]')!;
const payload = JSON.parse(document.getElementById('wage-band-data')!.textContent!) as { site: WageBandSite; defaults: number[] };
const words = pageWords();
const available = new Set(payload.site.wageBands.map((r) => r.fiscal_year));
const asked = new URLSearchParams(location.search).getAll('years');
const chosen = [...new Set(asked.map(Number))].filter((y) => available.has(y)).sort((a, b) => a - b);
// What the URL asked for that is not a reported year (a typo, a year with no data) is said, not dropped silently.
const unknown = [...new Set(asked.filter((y) => !available.has(Number(y))))];

form.hidden = false;
const showChosen = () => {
  const shown = chosen.length > 0 ? chosen : payload.defaults;
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="years"]')) box.checked = shown.includes(Number(box.value));
};
showChosen();
// A page restored from the back/forward cache keeps what was ticked and never submitted.
addEventListener('pageshow', (event) => {
  if (event.persisted) showChosen();
});

if (unknown.length > 0) {
  const notice = form.querySelector<HTMLElement>('[data-years-notice]')!;
  const years = words.list(unknown.map((y) => (y.trim() === '' ? '""' : y)));
  notice.textContent = words.t(chosen.length > 0 ? 'wage_bands.years_unknown' : 'wage_bands.years_unknown_default', { years });
  notice.hidden = false;
}

if (chosen.length > 0 && chosen.join() !== payload.defaults.join()) void redraw(chosen);

async function redraw(years: number[]) {
  const [{ wageBandFigure }, Plot, { finishChart }, { figureCsv, formatCell }] = await Promise.all([
    import('../lib/figures/wage-bands.ts'),
    import('@observablehq/plot'),
    import('../lib/charts/accessible.ts'),
    import('../lib/figures/types.ts'),
  ]);
  const element = document.getElementById(form.dataset.figure!)!;
  const figure = wageBandFigure(payload.site, years, words, element.id);
  const [chart] = figure.charts;

  // The title's parts as the build writes them (era years kept whole), then the permalink.
  const heading = element.querySelector('h2')!;
  heading.replaceChildren(
    ...headingParts(figure.title).map((p) => (p.whole ? Object.assign(document.createElement('span'), { className: 'whole', textContent: p.text }) : document.createTextNode(p.text))),
    ' ',
    heading.querySelector('.permalink')!,
  );
  // New parts are clones of the prerendered ones, so they keep the component's styles.
  const legend = element.querySelector('.legend')!;
  const item = legend.querySelector('li')!;
  legend.replaceChildren(...(figure.legend ?? []).map((entry) => {
    const li = item.cloneNode(true) as HTMLLIElement;
    li.querySelector('svg')!.innerHTML = legendSwatch(entry, 2, 7);
    for (const node of [...li.childNodes]) if (node.nodeType === Node.TEXT_NODE) node.remove();
    li.append(entry.label);
    return li;
  }));
  for (const size of ['wide', 'narrow'] as const) {
    const svg = finishChart(Plot.plot(chart!.spec(size)), chart!);
    element.querySelector(`.chart-svg .${size}`)!.replaceChildren(svg);
  }

  const table = element.querySelector('table')!;
  const headCell = table.tHead!.rows[0]!.cells[1]!;
  table.tHead!.rows[0]!.replaceChildren(table.tHead!.rows[0]!.cells[0]!, ...figure.table.columns.slice(1).map((c) => {
    const th = headCell.cloneNode() as HTMLTableCellElement;
    th.textContent = c.label;
    return th;
  }));
  const [rowHead, dataCell] = [table.tBodies[0]!.rows[0]!.cells[0]!, table.tBodies[0]!.rows[0]!.cells[1]!];
  const rowTemplate = table.tBodies[0]!.rows[0]!.cloneNode() as HTMLTableRowElement;
  table.tBodies[0]!.replaceChildren(...figure.table.rows.map((row) => {
    const tr = rowTemplate.cloneNode() as HTMLTableRowElement;
    row.forEach((cell, i) => {
      const td = (i === 0 ? rowHead : dataCell).cloneNode() as HTMLTableCellElement;
      td.textContent = formatCell(cell, figure.table.columns[i]!, words);
      if (typeof cell === 'number') td.dataset.value = String(cell);
      tr.append(td);
    });
    return tr;
  }));

  const name = `${element.id}-${years.join('-')}`;
  const csv = figureCsv(figure, words);
  const links = [
    [element.querySelector<HTMLAnchorElement>('a[download$=".csv"]')!, new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${name}.csv`],
    [element.querySelector<HTMLAnchorElement>('a[download$=".svg"]')!, new Blob([element.querySelector('.chart-svg .wide')!.innerHTML], { type: 'image/svg+xml' }), `${name}.svg`],
  ] as const;
  for (const [link, blob, file] of links) {
    link.href = URL.createObjectURL(blob);
    link.download = file;
  }
  element.querySelector<HTMLButtonElement>('button[data-png]')!.dataset.png = name;
  element.dataset.years = years.join(',');
}
