// Sortable tables and the PNG download of the published charts (ChartFigure.astro).

import { downloadBlob } from './files.ts';

// Sortable tables: each column header becomes a button; numbers sort by their value
// (data-value), text in the page language's collation. aria-sort tells screen readers the order.
const collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
  const headers = [...table.tHead!.rows[0]!.cells];
  headers.forEach((th, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      headers.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const body = table.tBodies[0]!;
      const key = (row: HTMLTableRowElement) => row.cells[column]!;
      const rows = [...body.rows].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        const [vx, vy] = [x.dataset.value, y.dataset.value];
        // Empty cells (—) go last whichever the direction.
        if (vx === undefined && vy === undefined) return (ascending ? 1 : -1) * collator.compare(x.textContent ?? '', y.textContent ?? '');
        if (vx === undefined) return 1;
        if (vy === undefined) return -1;
        return (ascending ? 1 : -1) * (Number(vx) - Number(vy));
      });
      body.append(...rows);
    });
  });
}

// PNG needs a canvas, so it is the one download that needs JavaScript: the button stays
// hidden without it. It is the figure's SVG download (title, legend, chart, notes) at 2× scale.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-png]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const figure = button.closest('figure');
    const link = figure?.querySelector<HTMLAnchorElement>('a[download$=".svg"]');
    // The chart on the page stands in when the file cannot be fetched (a page opened from disk).
    const shown = () => [...(figure?.querySelectorAll<SVGSVGElement>('.chart-svg > div > svg') ?? [])].find((s) => s.getBoundingClientRect().width > 0);
    let svgText: string;
    try {
      const response = await fetch(link!.href);
      if (!response.ok) throw new Error(response.statusText);
      svgText = await response.text();
    } catch {
      const fallback = shown();
      if (!fallback) return;
      svgText = new XMLSerializer().serializeToString(fallback);
    }
    const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement as unknown as SVGSVGElement;
    const { width, height } = svg.viewBox.baseVal;
    const image = new Image();
    image.src = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d')!;
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    URL.revokeObjectURL(image.src);
    canvas.toBlob((blob) => blob && downloadBlob(`${button.dataset.png}.png`, blob), 'image/png');
  });
}
