// One file from its parts, read separately (node/parallel-read.ts): the same rows and problems
// as reading it whole, and the checks that need the whole file (a facility twice in a year
// across parts, sums, a repeated header, no rows) made once over all of them.

import type { IssueCode, ReportIssue } from './issues.ts';
import { OfficeLines } from './office-lines.ts';
import { issuer, SUMMED_COLUMNS, wholeFileChecks, type PartResult, type ReportFile } from './read-report.ts';
import { officeText, RowColumns, withoutRows, type PackedRows } from './row-columns.ts';

/** A part as read: its result without rows (they are in `packed`), and what the merge needs. */
export interface PartRead extends PartResult {
  firstLine: number;
  /** The part's rows as a Parquet file (db/report-parquet.ts), where the thread was asked for one. */
  parquet: Uint8Array | null;
}

/**
 * The file's result, or null where its parts cannot stand for it: a part's header not found
 * where the first part's is, or a quote left open at a part's end (the cut fell inside a
 * quoted value). Then the file is read whole.
 */
export function mergeParts(parts: PartRead[]): ReportFile | null {
  const first = parts[0]!.result;
  if (!parts.every((p) => p.state.reading && p.result.headerLine === first.headerLine)) return null;
  if (parts.slice(0, -1).some((p) => p.result.issues.some((i) => i.code === 'reader.unclosed_quote'))) return null;

  const result: ReportFile = { ...first, rows: [], issues: [], rowLines: [], dataLines: 0 };
  const held: number[] = [];
  // Reading whole says the UTF-8 lines of a Shift_JIS file first, then each line's problems.
  const foreign: ReportIssue[] = [];
  const lineIssues: ReportIssue[] = [];
  const sums = new Map<number | null, number[]>();
  const offices = new Map<number, OfficeLines>(); // fiscal year → office number → first line
  const packed: PackedRows[] = [];
  for (const [k, part] of parts.entries()) {
    // A later part also read the header: its problems are the first part's.
    const own = k === 0 ? part.result.issues : part.result.issues.filter((i) => i.line >= part.firstLine);
    // The part's own "twice in a year" problems, to name the first line in an earlier part.
    const repeated = new Map<string, ReportIssue[]>();
    for (const i of own) {
      if (i.code !== 'reader.duplicate_office') continue;
      const key = `${i.params.year}:${i.params.office}`;
      repeated.set(key, (repeated.get(key) ?? []).concat(i));
    }
    const added: ReportIssue[] = []; // a facility in an earlier part
    const say = issuer(result, added);
    const dropped = new Set<number>(); // rows held back for a facility in an earlier part
    const repeats = new Set<string>(); // `year:office` of those facilities
    for (const { year, offices: numbers, lines } of part.state.offices) {
      const seen = offices.get(year) ?? offices.set(year, new OfficeLines(officesOf(parts, year))).get(year)!;
      for (let j = 0; j < numbers.length; j++) {
        const earlier = seen.firstOrSet(numbers[j]!, lines[j]!);
        if (earlier === undefined) continue;
        const office = officeText(numbers[j]!);
        repeats.add(`${year}:${numbers[j]}`);
        // As the reader says it reading the file whole: at this line, naming the first.
        say('error', lines[j]!, result.columnNumbers.office_no ?? 1, 'reader.duplicate_office', { office, line: earlier, year: String(year) }, { field: 'office_no', value: office });
        for (const i of repeated.get(`${year}:${office}`) ?? []) i.params.line = earlier;
        const row = binarySearch(part.result.rowLines, lines[j]!);
        if (row >= 0) dropped.add(row);
      }
    }
    added.sort((a, b) => a.line - b.line);
    let next = 0;
    for (const i of own) {
      if (i.code === 'reader.utf8_line') {
        foreign.push(i);
        continue;
      }
      // readLine says a facility twice after the line's other problems, before its municipality's.
      while (next < added.length && (added[next]!.line < i.line || (added[next]!.line === i.line && MUNICIPALITY_CODES.has(i.code)))) lineIssues.push(added[next++]!);
      lineIssues.push(i);
    }
    while (next < added.length) lineIssues.push(added[next++]!);
    // Facilities held back: not those of an earlier part, which reading whole does not list again.
    const partHeld = part.result.heldOffices ?? [];
    for (let h = 0; h < partHeld.length; h += 2) if (!repeats.has(`${partHeld[h]}:${partHeld[h + 1]}`)) held.push(partHeld[h]!, partHeld[h + 1]!);
    result.dataLines += part.result.dataLines;
    packed.push(dropped.size === 0 ? part.packed : withoutRows(part.packed, dropped));
    result.rowLines = result.rowLines.concat(dropped.size === 0 ? part.result.rowLines : part.result.rowLines.filter((_, i) => !dropped.has(i)));
    for (const [year, partSums] of part.state.sums) {
      const yearSums = sums.get(year) ?? sums.set(year, SUMMED_COLUMNS.map(() => 0)).get(year)!;
      partSums.forEach((sum, c) => (yearSums[c]! += sum));
    }
    // A row held back no longer counts in its year's sums.
    const years = part.packed.numbers.fiscal_year!;
    for (const i of dropped) {
      const yearSums = sums.get(years[i]!)!;
      SUMMED_COLUMNS.forEach((name, c) => {
        const value = part.packed.numbers[name]![i]!;
        if (value === value) yearSums[c]! -= value;
      });
    }
  }
  if (held.length > 0) result.heldOffices = held;
  else delete result.heldOffices;
  const unnamed = parts.reduce((n, p) => n + (p.result.heldUnnamed ?? 0), 0);
  if (unnamed > 0) result.heldUnnamed = unnamed;
  else delete result.heldUnnamed;
  result.issues = foreign.concat(lineIssues);
  wholeFileChecks(result, parts.flatMap((p) => p.state.repeatedHeaders), sums);

  // A part's Parquet file holds the rows held back here too: then the rows are written anew where needed.
  const parquet = parts.flatMap((p) => (p.parquet ? [p.parquet] : []));
  if (parquet.length === parts.length && result.rowLines.length === parts.reduce((n, p) => n + p.packed.length, 0)) result.parquet = parquet;
  const columns = new RowColumns(packed);
  result.columns = columns;
  let rows: ReportFile['rows'] | undefined;
  Object.defineProperty(result, 'rows', { enumerable: true, get: () => (rows ??= columns.rows()), set: (value) => (rows = value) });
  return result;
}

/** What the reader says of a line's municipality, after a facility twice (checkMunicipality). */
const MUNICIPALITY_CODES = new Set<IssueCode>(['reader.unknown_municipality', 'reader.unknown_municipality_plain', 'reader.code_mismatch', 'reader.code_not_of', 'reader.area_mismatch']);

function binarySearch(sorted: readonly number[], value: number): number {
  let [lo, hi] = [0, sorted.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** How many office numbers the parts hold for `year`: room for them all at once. */
const officesOf = (parts: PartRead[], year: number) =>
  parts.reduce((n, p) => n + (p.state.offices.find((o) => o.year === year)?.offices.length ?? 0), 0);
