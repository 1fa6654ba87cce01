// The build's and the CLI's DuckDB: the files it reads are written where they cost least (a
// file system in memory, where there is one) and must not outlive their use, since a file left
// there holds memory until the system restarts.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NodeSqlEngine } from '../src/lib/node/duckdb.ts';

describe('NodeSqlEngine files', () => {
  it('are read as written, gone once dropped, and every other one once the engine closes', async () => {
    const engine = await NodeSqlEngine.create();
    const text = 'name,count\nさくら工房,3\n';
    const path = await engine.registerText('reports.csv', text);
    const bytes = await engine.registerText('other.csv', new TextEncoder().encode(text));
    try {
      expect(readFileSync(path, 'utf8')).toBe(text);
      expect(readFileSync(bytes, 'utf8')).toBe(text);
      expect(await engine.query(`SELECT * FROM read_csv('${path}')`)).toEqual([{ name: 'さくら工房', count: 3 }]);
      await engine.dropText(path);
      expect(existsSync(path)).toBe(false);
      expect(existsSync(bytes)).toBe(true);
    } finally {
      engine.close();
    }
    expect(existsSync(bytes)).toBe(false);
  });

  it('take a name registered again', async () => {
    const engine = await NodeSqlEngine.create();
    try {
      await engine.registerText('reports.csv', 'n\n1\n');
      const path = await engine.registerText('reports.csv', 'n\n2\n');
      expect(await engine.query(`SELECT * FROM read_csv('${path}')`)).toEqual([{ n: 2 }]);
    } finally {
      engine.close();
    }
  });
});
