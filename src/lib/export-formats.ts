// Query results as text for people: CSV for spreadsheets (see csv-export.ts) and
// Markdown tables for notes and issues.

import type { Row } from './db/setup.ts';

/** A value as a person reads it in a cell. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}

/** A GitHub-flavoured Markdown table; pipes and line breaks in cells are escaped. */
export function toMarkdownTable(columns: string[], rows: Row[]): string {
  const cell = (v: unknown) => displayValue(v).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
  const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => r[c] === null || typeof r[c] === 'number'));
  return [
    `| ${columns.map(cell).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${columns.map((c) => cell(r[c])).join(' | ')} |`),
  ].join('\n');
}
