// The reader's record splitter against Papa Parse (a different implementation of RFC 4180) on
// generated files, against lines counted by hand, and on broken quotes.

import { randomLcg } from 'd3';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { eachRecord, type CsvProblem } from '../src/lib/reader/csv-records.ts';

function split(text: string, delimiter = ',') {
  const records: { cells: string[]; line: number }[] = [];
  const problems: [CsvProblem, number, number][] = [];
  eachRecord(text, delimiter, { record: (cells, line) => records.push({ cells, line }), problem: (code, line, last) => problems.push([code, line, last]) });
  return { records, problems };
}

describe('eachRecord', () => {
  const rng = randomLcg(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)]!;
  const PARTS = ['a', '工房', '1,234', ' ', '"', '""', '\n', '\r\n', ';', '\t', 'ｱ', '', '=1'];

  it('splits 500 generated files as Papa Parse does, each record on the line it starts', () => {
    for (let n = 0; n < 500; n++) {
      const delimiter = pick([',', '\t', ';']);
      const eol = pick(['\n', '\r\n'] as const);
      const rows = Array.from({ length: 1 + Math.floor(rng() * 6) }, () =>
        Array.from({ length: 1 + Math.floor(rng() * 5) }, () => Array.from({ length: Math.floor(rng() * 4) }, () => pick(PARTS)).join('')));
      // Line ends inside a value are the file's own (a file's line ends are made uniform first).
      const cells = rows.map((r) => r.map((c) => c.replace(/\r?\n/g, eol)));
      // Quoted when needed, as a spreadsheet writes them.
      const quote = (c: string) => (/["\r\n]|[,;\t]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c);
      const lines = cells.map((r) => r.map(quote).join(delimiter));
      const text = lines.join(eol) + (rng() < 0.5 ? eol : '');
      const context = JSON.stringify(text);

      const { records, problems } = split(text, delimiter);
      expect(problems, context).toEqual([]);
      expect(records.map((r) => r.cells), context).toEqual(cells);
      expect(records.map((r) => r.cells), context).toEqual(Papa.parse<string[]>(text, { delimiter, newline: eol, skipEmptyLines: false }).data.slice(0, cells.length));
      // The line a record starts on: each record before it takes one line more than its line ends inside.
      let line = 1;
      const starts = lines.map((l) => {
        const start = line;
        line += l.split('\n').length;
        return start;
      });
      expect(records.map((r) => r.line), context).toEqual(starts);
    }
  });

  it('gives blank lines as one empty cell and keeps a trailing empty field', () => {
    expect(split('a,b\n\nc,\n').records).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: [''], line: 2 },
      { cells: ['c', ''], line: 3 },
    ]);
    expect(split('a,"b",').records).toEqual([{ cells: ['a', 'b', ''], line: 1 }]);
  });

  it('takes CRLF and LF mixed, inside quotes too', () => {
    expect(split('a\r\nb\n"c\r\nd\ne",f\r\ng').records).toEqual([
      { cells: ['a'], line: 1 },
      { cells: ['b'], line: 2 },
      { cells: ['c\r\nd\ne', 'f'], line: 3 },
      { cells: ['g'], line: 6 },
    ]);
  });

  it('names the line of a quote never closed, and reads the rest of the file into it', () => {
    const { records, problems } = split('a,b\nc,"d,e\nf,g\n');
    // Lines 2 and 3 are the rest of the text: the line end after line 3 starts no line.
    expect(problems).toEqual([['unclosed_quote', 2, 3]]);
    expect(records).toEqual([{ cells: ['a', 'b'], line: 1 }, { cells: ['c', 'd,e\nf,g\n'], line: 2 }]);
    expect(split('a\r\n"b\r\nc\r\nd').problems).toEqual([['unclosed_quote', 2, 4]]);
    expect(split('"a').problems).toEqual([['unclosed_quote', 1, 1]]);
  });

  it('names the line of text after a closing quote, keeps it, and goes on', () => {
    const { records, problems } = split('x\r\n"a\r\nb"c,d\r\ne\r\n');
    expect(problems).toEqual([['text_after_quote', 3, 3]]);
    expect(records).toEqual([{ cells: ['x'], line: 1 }, { cells: ['a\r\nbc', 'd'], line: 2 }, { cells: ['e'], line: 4 }]);
  });
});
