// A published figure: everything a chart shows, defined once and used by its page, its
// CSV and SVG downloads and the tests.

import type * as Plot from '@observablehq/plot';
import type { LegendItem } from '../charts/palette.ts';
import type { ChartText } from '../charts/accessible.ts';
import type { ChartSize } from '../charts/render.ts';
import { toCsv, type CsvCell } from '../csv-export.ts';
import type { Words } from '../i18n/words.ts';
import { INDICATORS, formatValue, indicatorDecimals, indicatorHeader, type Format, type IndicatorId } from '../indicators.ts';
import type { PlanFile } from '../plan.ts';

export interface Column {
  label: string;
  format: Format;
  /** Decimals shown (and kept in the CSV); by default as the number is. */
  decimals?: number;
}

export type Cell = string | number | null;

export interface FigureTable {
  caption: string;
  columns: Column[];
  rows: Cell[][];
  /** Column headers become sort buttons (with JavaScript); the table starts expanded. */
  sortable?: boolean;
  /**
   * Columns only the CSV has, written first, one value per row: the keys an analyst joins
   * on (fiscal_year as a number beside its label, municipality_code), named as in the data.
   */
  keys?: TableKey[];
}

export interface TableKey {
  name: 'fiscal_year' | 'municipality_code';
  values: CsvCell[];
}

export interface FigureChart extends ChartText {
  spec: (size: ChartSize) => Plot.PlotOptions;
}

export interface Figure {
  /** Unique across the site: the anchor on its page and the name of its downloads. */
  id: string;
  title: string;
  unit: string;
  charts: FigureChart[];
  legend?: LegendItem[];
  table: FigureTable;
  notes: string[];
}

/** A table column of a registered indicator, headed by its name and unit, with the plan's precision. */
export function indicatorColumn(id: IndicatorId, words: Words, plan: Pick<PlanFile, 'precision'>): Column {
  const column: Column = { label: indicatorHeader(id, words), format: INDICATORS[id].format };
  const decimals = indicatorDecimals(id, plan);
  if (decimals !== undefined) column.decimals = decimals;
  return column;
}

/** A text column (names, years). */
export const textColumn = (label: string): Column => ({ label, format: 'text' });

/** To one decimal, halves away from zero as Intl.NumberFormat shows them (−2.75 → −2.8). */
const round1 = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 10)) / 10;

/** The value a cell carries, rounded as shown: what the CSV download holds. */
export function cellValue(cell: Cell, format: Format, decimals?: number): CsvCell {
  if (cell === null || typeof cell === 'string') return cell;
  if (decimals !== undefined && format !== 'share' && format !== 'percent') return Math.round(cell * 10 ** decimals) / 10 ** decimals;
  switch (format) {
    case 'share':
      return round1(cell * 100);
    case 'percent':
    case 'decimal':
      return round1(cell);
    default:
      return cell;
  }
}

/** A table cell as shown: yen without 円, as the column header carries the unit. */
export function formatCell(cell: Cell, column: Pick<Column, 'format' | 'decimals'>, words: Words): string {
  const { format, decimals } = column;
  return formatValue(cell, format === 'yen' ? 'count' : format === 'change_yen' ? 'change' : format, words, decimals);
}

/** CSV header: the column label, with % where the CSV's plain numbers are percentages. */
export function csvHeader(column: Column, words: Words): string {
  return column.format === 'share' || column.format === 'percent'
    ? words.t('format.with_unit', { label: column.label, unit: '%' })
    : column.label;
}

/** The figure's table as the CSV people download: UTF-8 with BOM, formula-safe, numbers as the table rounds them. */
export function figureCsv(figure: Figure, words: Words): string {
  const { columns, rows, keys = [] } = figure.table;
  for (const key of keys) if (key.values.length !== rows.length) throw new Error(`${figure.id}: ${key.values.length} ${key.name} values for ${rows.length} rows`);
  return toCsv(
    [...keys.map((k) => k.name), ...columns.map((c) => csvHeader(c, words))],
    rows.map((r, n) => [...keys.map((k) => k.values[n]), ...r.map((cell, i) => cellValue(cell, columns[i]!.format, columns[i]!.decimals))]),
  );
}
