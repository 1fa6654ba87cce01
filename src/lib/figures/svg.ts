// A figure as a standalone SVG file, rendered at build time (linkedom: Node only): its title
// and unit, its legend, the chart(s) and its notes (formulas, source), so the file still says
// what it shows when it is pasted into a report or a slide.

import { legendSwatch } from '../charts/palette.ts';
import { renderPlotSvg } from '../charts/render.ts';
import { textWidth } from '../charts/text.ts';
import type { Figure } from './types.ts';

const WIDTH = 720;
const PAD = 12;
const FONT = "system-ui, 'Hiragino Sans', 'Noto Sans JP', 'Yu Gothic UI', Meiryo, sans-serif";

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `text` broken into lines no wider than `width` pixels at `fontPx` (between characters for Japanese, at spaces otherwise). */
export function wrapText(text: string, width: number, fontPx: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Words for Latin text (with its punctuation, such as ’ and –), single characters for CJK.
  for (const piece of text.match(/[\u0000-\u02ff\u2000-\u206f]+|./gsu) ?? []) {
    const words = /^[\u0000-\u02ff\u2000-\u206f]+$/.test(piece) ? piece.split(/(?<= )/) : [piece];
    for (const word of words) {
      if (line !== '' && textWidth(line + word, fontPx) > width) {
        lines.push(line.trimEnd());
        line = word.trimStart();
      } else line += word;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}


/**
 * A chart's root <svg> with its size fixed inline: Plot's own stylesheet (height: auto) must
 * not resize it when it is nested in the figure's SVG.
 */
function fixedSize(svg: string, width: number, height: number): string {
  const end = svg.indexOf('>');
  const tag = svg.slice(0, end);
  const size = `width:${width}px;height:${height}px;max-width:none;`;
  const sized = tag.includes(' style="') ? tag.replace(' style="', ` style="${size}`) : `${tag} style="${size}"`;
  return sized + svg.slice(end);
}

/** A figure as one self-describing SVG file; a figure with several charts gets them side by side. */
export function figureSvg(figure: Figure): string {
  const out: string[] = [];
  let y = PAD;
  const text = (content: string, size: number, attrs = '') => {
    for (const line of wrapText(content, WIDTH - 2 * PAD, size)) {
      y += size * 1.4;
      out.push(`<text x="${PAD}" y="${y.toFixed(1)}" font-size="${size}" ${attrs}>${escape(line)}</text>`);
    }
  };
  text(figure.title, 16, 'font-weight="bold"');
  text(figure.unit, 12, 'fill="#555"');
  // The legend, items flowing left to right and wrapping.
  let x = PAD;
  if (figure.legend && figure.legend.length > 0) y += 20;
  for (const item of figure.legend ?? []) {
    const width = 40 + textWidth(item.label, 12) + 20;
    if (x > PAD && x + width > WIDTH - PAD) {
      x = PAD;
      y += 20;
    }
    out.push(legendSwatch(item, x, y), `<text x="${x + 38}" y="${y + 4}" font-size="12">${escape(item.label)}</text>`);
    x += width;
  }
  y += PAD;
  const charts = figure.charts.map((c) => renderPlotSvg(c.spec('wide'), c));
  const each = WIDTH / charts.length;
  let tallest = 0;
  charts.forEach((svg, i) => {
    const height = Number(/\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 0);
    // The figure's width is the desktop chart's; charts side by side share it.
    const width = Number(/\swidth="([\d.]+)"/.exec(svg)?.[1] ?? WIDTH);
    const scale = Math.min(1, each / width);
    out.push(`<g transform="translate(${i * each} ${y.toFixed(1)}) scale(${scale})">${fixedSize(svg, width, height)}</g>`);
    tallest = Math.max(tallest, height * scale);
  });
  y += tallest;
  for (const note of figure.notes) text(note, 11, 'fill="#555"');
  y += PAD;
  const height = Math.ceil(y);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${escape(FONT)}" role="img" aria-label="${escape(figure.title)}">`
    + `<rect width="100%" height="100%" fill="white"/>${out.join('')}</svg>`;
}
