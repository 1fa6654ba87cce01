import { describe, expect, it } from 'vitest';
import { formatDuckDbError } from '../src/lib/duckdb-errors.ts';
import { displayValue, toMarkdownTable } from '../src/lib/export-formats.ts';

describe('toMarkdownTable', () => {
  it('right-aligns numeric columns and escapes pipes and line breaks', () => {
    expect(toMarkdownTable(['name', 'n'], [{ name: 'a|b', n: 1 }, { name: 'two\nlines', n: null }])).toBe(
      '| name | n |\n| --- | ---: |\n| a\\|b | 1 |\n| two<br>lines |  |',
    );
  });

  it('shows nested values as JSON, big integers included', () => {
    expect(displayValue({ a: 1n })).toBe('{"a":"1"}');
    expect(displayValue(null)).toBe('');
  });
});

describe('formatDuckDbError', () => {
  it('turns a JSON parser error into DuckDB’s own layout with a caret', () => {
    const sql = 'SELECT 1;\nSELEC fiscal_year FROM reports';
    const message = JSON.stringify({ exception_type: 'Parser', exception_message: 'syntax error at or near "SELEC"', position: '10' });
    expect(formatDuckDbError(message, sql)).toBe('Parser Error: syntax error at or near "SELEC"\n\nLINE 2: SELEC fiscal_year FROM reports\n        ^');
  });

  it('leaves plain messages alone', () => {
    expect(formatDuckDbError('Catalog Error: Table x does not exist', 'SELECT * FROM x')).toBe('Catalog Error: Table x does not exist');
    expect(formatDuckDbError('{not json', '')).toBe('{not json');
  });
});
