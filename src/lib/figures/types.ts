// A published figure: everything a chart shows, defined once and used by its page, its
// CSV and SVG downloads and the tests.

import type * as Plot from '@observablehq/plot';
import type { LegendItem } from '../charts/palette.ts';
import type { ChartSize, ChartText } from '../charts/render.ts';
import { formatChange, formatCount, formatPercent, formatYen, type Locale } from '../format.ts';
import type { CsvCell } from '../csv-export.ts';

/**
 * How a table column is shown. `share` holds a fraction (0.349) shown as 34.9%; `percent`
 * a percentage (160.62) shown as 160.6%. The CSV carries the value as the table rounds it.
 */
export type CellKind = 'text' | 'year' | 'count' | 'yen' | 'share' | 'percent' | 'decimal' | 'change' | 'change_yen';

export interface Column {
  label: string;
  kind: CellKind;
}

export type Cell = string | number | null;

export interface FigureTable {
  caption: string;
  columns: Column[];
  rows: Cell[][];
  /** Column headers become sort buttons (with JavaScript); the table starts expanded. */
  sortable?: boolean;
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

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The value a cell carries, rounded as shown: what the CSV download holds. */
export function cellValue(cell: Cell, kind: CellKind): CsvCell {
  if (cell === null || typeof cell === 'string') return cell;
  switch (kind) {
    case 'share':
      return round1(cell * 100);
    case 'percent':
    case 'decimal':
      return round1(cell);
    default:
      return cell;
  }
}

export function formatCell(cell: Cell, kind: CellKind, locale: Locale): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  switch (kind) {
    case 'yen':
      return formatYen(cell, locale);
    case 'share':
      return formatPercent(cell * 100, locale);
    case 'percent':
      return formatPercent(cell, locale);
    case 'decimal':
      return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(cell);
    case 'change':
      return formatChange(cell, locale);
    case 'change_yen':
      return formatChange(cell, locale, 'yen');
    case 'year':
      return String(cell);
    default:
      return formatCount(cell, locale);
  }
}

/** CSV header: the column label, with the unit the CSV's plain numbers are in. */
export function csvHeader(column: Column, locale: Locale): string {
  const unit = column.kind === 'share' || column.kind === 'percent' ? '%' : column.kind === 'yen' || column.kind === 'change_yen' ? (locale === 'ja' ? '円' : 'yen') : '';
  return unit && !column.label.includes(`（${unit}）`) && !column.label.includes(`(${unit})`)
    ? `${column.label}${locale === 'ja' ? `（${unit}）` : ` (${unit})`}`
    : column.label;
}
