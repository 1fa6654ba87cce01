// Chart labels: placed whole and apart, and readable (WCAG AA contrast) on every figure.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { barsSpec, groupedBarsSpec, sequentialColors } from '../src/lib/charts/plan-charts.ts';
import { renderPlotSvg, type ChartSize } from '../src/lib/charts/render.ts';
import { fittedOffset, fittingTicks, spreadLabels } from '../src/lib/charts/text.ts';
import { averageWageTrendSpec, totalsTrendSpec } from '../src/lib/charts/trend-charts.ts';
import type { TargetPathRow, YearlyIndicators } from '../src/lib/views.ts';
import { sitePages } from '../src/lib/figures/site-pages.ts';
import { wrapText } from '../src/lib/figures/svg.ts';
import { missingYearRows } from '../src/lib/figures/common.ts';
import { yearKpis, yearVerdict } from '../src/lib/figures/kpis.ts';
import { reportedYears } from '../src/lib/site.ts';
import { wordsFor } from '../src/lib/i18n/catalogue.ts';
import { LOCALES } from '../src/lib/i18n/locales.ts';
import { fixturePaths, siteOf } from './helpers.ts';

describe('fittedOffset', () => {
  it('centres a label on its line where it fits, else pulls it inside the chart', () => {
    // 100 px label on x = 200 of a 360 px chart: 150–250, centred.
    expect(fittedOffset(200, 100, 360)).toBe(-50);
    // 185 px label on x = 300: centred it would end at 392; it ends at 358 instead, from 173.
    expect(fittedOffset(300, 185, 360)).toBe(173 - 300);
    // On x = 20 it would start at −72; it starts at 2.
    expect(fittedOffset(20, 185, 360)).toBe(2 - 20);
  });
});

describe('spreadLabels', () => {
  it('moves a label down just enough to clear the one above it, whatever their order', () => {
    // 100 and 105 with 13 px between them: the second goes to 113; 300 stays.
    expect(spreadLabels([105, 300, 100], 13)).toEqual([8, 0, 0]);
    expect(spreadLabels([100, 100, 100], 12)).toEqual([0, 12, 24]);
  });
});

describe('fittingTicks', () => {
  const count = (v: number) => v.toLocaleString('en-US');
  it('keeps the ticks whose labels fit side by side', () => {
    // "25,000" at 11 px is about 40 px wide. On 189 px, ticks 5,000 apart are 37.8 px apart:
    // too close; 10,000 apart (75.6 px) fit.
    expect(fittingTicks([0, 25_000], 189, count, 11, 4)).toEqual([0, 10_000, 20_000]);
    // On 549 px every 5,000 fits (110 px apart).
    expect(fittingTicks([0, 25_000], 549, count, 12, 6)).toEqual([0, 5_000, 10_000, 15_000, 20_000, 25_000]);
  });
});

describe('wrapText (notes of a downloaded SVG)', () => {
  it('breaks Latin text at spaces and Japanese between characters, within the width', () => {
    // 0.6 em a character at 10 px: 16 characters fit in 100 px.
    expect(wrapText('Source: Wage reports made up for tests', 100, 10)).toEqual(['Source: Wage', 'reports made up', 'for tests']);
    // A full-width character is 1 em: 5 fit in 60 px at 12 px.
    expect(wrapText('平均工賃月額（旧算定式）', 60, 12)).toEqual(['平均工賃月', '額（旧算定', '式）']);
    // A curly apostrophe belongs to its word: "phase’s" (30 + 10 + 6 = 46 px, ’ counted 1 em)
    // stays whole on its own line rather than breaking after "phase’" (40 px).
    expect(wrapText('ab phase’s', 45, 10)).toEqual(['ab', 'phase’s']);
  });
});

describe('averageWageTrendSpec goal labels', () => {
  it('labels a phase’s goal where its line ends, at the chart’s edge, also when the phase runs past its target year', () => {
    // Phase FY2024–2026 with one target, ¥19,000 for FY2025: its line runs on to FY2026.
    const yearly = [2024, 2025].map((fy) => ({ fiscal_year: fy, average_monthly_wage_yen: 17_000 + fy - 2024, average_monthly_wage_new_yen: null, basis: 'reports' })) as unknown as YearlyIndicators[];
    const targets = [2024, 2025, 2026].map((fy) => ({
      phase_no: 1, fiscal_year: fy, formula: 'old', target_fiscal_year: 2025, target_yen: 19_000, hourly_target_yen: null, final_target_fiscal_year: 2025, final_target_yen: 19_000,
    })) as TargetPathRow[];
    const words = wordsFor('en');
    const svg = renderPlotSvg(averageWageTrendSpec(yearly, [], targets, [2025], words, 'wide'), { label: 'l', description: 'd' });
    const { document } = parseHTML(`<html><body>${svg}</body></html>`);
    const labels = [...document.querySelectorAll('text')].filter((t) => t.textContent === '19,000');
    expect(labels).toHaveLength(1);
    // The edge label starts right of the line's end (text-anchor start), not before its target year.
    expect(labels[0]!.closest('[text-anchor]')!.getAttribute('text-anchor')).toBe('start');
  });

  it('labels new-formula averages of years side by side apart from each other and from the diamonds: the latest first', () => {
    // New-formula averages ¥18,426, ¥18,513 and ¥18,600 in FY2022–2024 of a chart from FY2006:
    // about 31 px a year on the wide chart, less than a label (about 33 px) and a diamond.
    const yearly = Array.from({ length: 19 }, (_, i) => ({
      fiscal_year: 2006 + i, average_monthly_wage_yen: 12_000 + i * 100, average_monthly_wage_new_yen: 2006 + i >= 2022 ? 18_426 + (i - 16) * 87 : null, basis: 'reports',
    })) as unknown as YearlyIndicators[];
    const newLabels = (size: ChartSize, rows: YearlyIndicators[]) => {
      const svg = renderPlotSvg(averageWageTrendSpec(rows, [], [], [], wordsFor('en'), size), { label: 'l', description: 'd' });
      const { document } = parseHTML(`<html><body>${svg}</body></html>`);
      return Object.fromEntries([...document.querySelectorAll('text')].filter((t) => /^18,[456]\d\d$/.test(t.textContent ?? ''))
        .map((t) => [t.textContent, t.closest('[text-anchor]')?.getAttribute('text-anchor') ?? 'start']));
    };
    // FY2024 below its diamond (FY2023's diamond is where its label would go), FY2023 dropped
    // (below its diamond it would touch FY2024's label), FY2022 left of its diamond.
    expect(newLabels('wide', yearly)).toEqual({ '18,600': 'middle', '18,426': 'end' });
    // The last two years of the chart only: room for both left of their diamonds.
    expect(newLabels('wide', yearly.slice(-2))).toEqual({ '18,513': 'end', '18,600': 'end' });
  });
});

/** WCAG relative luminance contrast of a #rrggbb colour against white. */
function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}

/** The fill a text element is drawn in: its own, or the nearest ancestor's. */
function fillOf(el: Element | null): string | null {
  for (let e = el; e; e = e.parentElement) {
    const fill = e.getAttribute('fill');
    if (fill) return fill;
  }
  return null;
}

describe.each(['tottori', 'kyoto', 'hiroshima'] as const)('every chart of the %s fixture', (fixture) => {
  it('writes its labels in colours with 4.5:1 contrast on white, and draws series with 3:1', async () => {
    const site = await siteOf(fixturePaths(fixture));
    const checked = { text: 0, marks: 0 };
    for (const locale of LOCALES) {
      const words = wordsFor(locale);
      for (const figure of sitePages(site).flatMap((page) => page.figures(words))) {
        for (const chart of figure.charts) {
          for (const size of ['wide', 'narrow'] as ChartSize[]) {
            const { document } = parseHTML(`<!doctype html><html><body>${renderPlotSvg(chart.spec(size), chart)}</body></html>`);
            for (const text of document.querySelectorAll('text')) {
              const fill = fillOf(text);
              // White labels sit inside the darkest segments of stacked bars.
              if (!fill || !fill.startsWith('#')) continue;
              checked.text++;
              expect(contrastOnWhite(fill), `${figure.id} (${size}): text "${text.textContent}" in ${fill}`).toBeGreaterThanOrEqual(4.5);
            }
            // A map's shapes are told apart from each other (white borders, shades of one hue),
            // not from the page; its table holds every value.
            for (const mark of document.querySelectorAll('[stroke^="#"]')) {
              if (mark.closest('.map-shapes')) continue;
              checked.marks++;
              const stroke = mark.getAttribute('stroke')!;
              expect(contrastOnWhite(stroke), `${figure.id} (${size}): stroke ${stroke}`).toBeGreaterThanOrEqual(3);
            }
          }
        }
      }
    }
    // Labels in series colours and coloured lines were there to check.
    expect(checked.text).toBeGreaterThan(0);
    expect(checked.marks).toBeGreaterThan(0);
  });
});

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  return 1.05 / contrastOnWhite(hex) - 0.05;
}

describe('sequentialColors', () => {
  it.each([2, 3, 4, 5, 6, 9, 12, 18])('gives %i years colours that all differ and darken in order (greyscale keeps the order)', (n) => {
    const colors = sequentialColors(n);
    expect(colors).toHaveLength(n);
    expect(new Set(colors).size).toBe(n);
    for (let i = 1; i < n; i++) expect(luminance(colors[i]!), `${colors[i - 1]} → ${colors[i]}`).toBeLessThan(luminance(colors[i - 1]!));
  });
});

describe('groupedBarsSpec', () => {
  const words = wordsFor('ja');
  const years = [2006, 2014, 2017, 2018, 2019, 2020, 2021, 2022, 2023];
  const data = (ys: number[]) => ['A', 'B'].flatMap((group, g) => ys.map((fy, i) => ({ group, series: words.fyShort(fy), value: 10 * g + i })));
  const labels = (ys: number[]) => {
    const spec = groupedBarsSpec(data(ys), ['A', 'B'], ys.map((fy) => words.fyShort(fy)), { xLabel: 'x', words, size: 'narrow', seriesMarks: ys.map((fy) => words.fyMark(fy)) });
    const { document } = parseHTML(`<!doctype html><html><body>${renderPlotSvg(spec, { label: 'c', description: 'd' })}</body></html>`);
    // The value labels: the only text of the chart drawn from the bars' ends.
    return [...document.querySelectorAll('g[font-size="10"][text-anchor="start"] text')].map((t) => t.textContent);
  };

  it('names the year beside each value once there are more years than shades of one hue', () => {
    // Group A holds values 0–8 and group B 10–18, in year order.
    const expected = ['A', 'B'].flatMap((_, g) => years.map((fy, i) => `${words.fyMark(fy)} ${10 * g + i}`));
    expect(labels(years).sort()).toEqual(expected.sort());
    expect(words.fyMark(2006)).toBe('H18');
  });

  it('writes values alone for a few years, whose colours are told apart', () => {
    expect(labels([2019, 2023]).sort()).toEqual(['0', '1', '10', '11']);
  });
});

/** Where an SVG element sits vertically: the sum of its own and its ancestors' translations. */
function translatedY(el: Element | null): number {
  let y = 0;
  for (let e = el; e; e = e.parentElement) {
    const m = /translate\(\s*[-\d.e]+\s*,\s*([-\d.e]+)\s*\)/.exec(e.getAttribute('transform') ?? '');
    if (m) y += Number(m[1]);
  }
  return y;
}

/** Where an SVG element sits horizontally. */
function translatedX(el: Element | null): number {
  let x = 0;
  for (let e = el; e; e = e.parentElement) {
    const m = /translate\(\s*([-\d.e]+)/.exec(e.getAttribute('transform') ?? '');
    if (m) x += Number(m[1]);
  }
  return x + Number(el?.getAttribute('x') ?? 0);
}

describe('years missing between the rows of a chart', () => {
  const words = wordsFor('ja');
  const years = [2006, 2014, 2017, 2018];
  const svgOf = (spec: ReturnType<typeof barsSpec>) =>
    parseHTML(`<!doctype html><html><body>${renderPlotSvg(spec, { label: 'c', description: 'd' })}</body></html>`).document;

  it('get a row of their own, saying which years, between the years around them', () => {
    // 2007–2013 are Heisei 19–25, 2015–2016 Heisei 27–28.
    const gaps = missingYearRows(years, (fy) => words.fyShort(fy), words);
    expect(gaps).toEqual([
      { before: 'H26（2014）', text: 'H19〜H25：データなし' },
      { before: 'H29（2017）', text: 'H27〜H28：データなし' },
    ]);
    const document = svgOf(barsSpec(years.map((fy, i) => ({ label: words.fyShort(fy), value: 100 + i })), { xLabel: 'x', words, size: 'narrow', gaps }));
    const texts = [...document.querySelectorAll('text')];
    const y = (content: string) => translatedY(texts.find((t) => t.textContent === content)!);
    // Rows are evenly spaced: each year's row and each gap's row take one step.
    const step = y('H30（2018）') - y('H29（2017）');
    expect(step).toBeGreaterThan(0);
    expect(y('H19〜H25：データなし') - y('H18（2006）')).toBeCloseTo(step, 0);
    expect(y('H26（2014）') - y('H19〜H25：データなし')).toBeCloseTo(step, 0);
    expect(y('H27〜H28：データなし') - y('H26（2014）')).toBeCloseTo(step, 0);
    expect(y('H29（2017）') - y('H27〜H28：データなし')).toBeCloseTo(step, 0);
  });

  it('names a single missing year alone, and none between consecutive years', () => {
    const en = wordsFor('en');
    expect(missingYearRows([2019, 2021, 2022], (fy) => en.fyShort(fy), en)).toEqual([{ before: 'FY2021', text: 'No data for FY2020' }]);
    expect(missingYearRows([2021, 2022, 2023], (fy) => words.fyShort(fy), words)).toEqual([]);
  });

  it('leave room on a time axis of columns: 2006 to 2014 is eight years wide, 2017 to 2018 one', () => {
    const yearly = years.map((fy) => ({ fiscal_year: fy, person_months: 1000, total_wages_yen: 1e7, basis: 'reports' })) as unknown as YearlyIndicators[];
    const document = svgOf(totalsTrendSpec(yearly, 'person_months', words, 'wide'));
    const columns = [...document.querySelectorAll('rect')].map((r) => translatedX(r)).sort((a, b) => a - b);
    expect(columns).toHaveLength(4);
    const perYear = columns[3]! - columns[2]!;
    expect(perYear).toBeGreaterThan(0);
    expect((columns[1]! - columns[0]!) / perYear).toBeCloseTo(8, 5);
    expect((columns[2]! - columns[1]!) / perYear).toBeCloseTo(3, 5);
  });
});

/** The first place where a full-width bracket opens inside another, as in （R5（2023）・旧算定式）. */
function nestedBracket(text: string): string | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '（' && ++depth > 1) return text;
    if (text[i] === '）') depth = Math.max(0, depth - 1);
  }
  return null;
}

describe.each(['tottori', 'kyoto', 'hiroshima'] as const)('the Japanese words of the %s fixture', (fixture) => {
  it('never nest brackets: a year inside brackets is written 令和5年度, not R5（2023）', async () => {
    const site = await siteOf(fixturePaths(fixture));
    const words = wordsFor('ja');
    const texts: string[] = [];
    for (const page of sitePages(site)) {
      texts.push(page.title(words), ...page.intro(words));
      for (const figure of page.figures(words)) {
        texts.push(figure.title, figure.unit, figure.table.caption, ...figure.notes, ...figure.table.columns.map((c) => c.label), ...figure.charts.flatMap((c) => [c.label, c.description]));
      }
    }
    for (const fy of reportedYears(site)) {
      texts.push(...yearKpis(site, fy, words).flatMap((k) => [k.label, k.value, ...k.details]));
      const verdict = yearVerdict(site, fy, words);
      texts.push(verdict.headline, ...verdict.lines.map((l) => l.text));
    }
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.map(nestedBracket).filter((t) => t !== null)).toEqual([]);
  });
});
