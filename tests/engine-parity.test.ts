// The build's engine (@duckdb/node-api) and the browser's (DuckDB-WASM, the shipped eh build)
// give identical rows for every view: on the database file the console attaches, and when the
// browser builds the database itself from the published CSVs (the import preview). The CLI's
// database, reading the reports in place from Parquet files, gives the build's rows too.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachPublishedSql, setupDatabase, type Row } from '../src/lib/db/setup.ts';
import { indicatorSql, openIndicatorDatabase, type IndicatorDatabase } from '../src/lib/node/indicators.ts';
import { DATA_PATHS, fixturePaths } from './helpers.ts';
import { WasmSqlEngine } from './wasm-engine.ts';

/** One comparable form for both engines: numbers as numbers, dates and booleans as text, NULL as null. */
const plain = (rows: Row[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? String(v) : v])));

for (const [name, paths] of [['data directory', DATA_PATHS], ['鳥取県 fixture', fixturePaths('tottori')]] as const) {
  describe(`engine parity, ${name}`, () => {
    let node: IndicatorDatabase;
    let views: string[];
    beforeAll(async () => {
      node = await openIndicatorDatabase(paths, 'ja');
      views = (await node.engine.query(`SELECT view_name FROM duckdb_views() WHERE NOT internal AND database_name = current_database() ORDER BY 1`)).map((r) => r.view_name as string);
    });
    afterAll(() => node?.engine.close());

    it('has the views the site is built from', () => {
      expect(views).toEqual(expect.arrayContaining(['yearly_indicators', 'goal_progress', 'wage_band_distribution', 'area_indicators', 'municipality_indicators']));
    });

    it('gives the same rows for every view on the published database file', async () => {
      const wasm = await WasmSqlEngine.create();
      try {
        await wasm.registerText('kouchin.duckdb', await node.engine.exportDatabase());
        for (const sql of attachPublishedSql('kouchin.duckdb')) await wasm.run(sql);
        // The file carries each view's documentation, from the comment above it in the SQL.
        const [doc] = await wasm.query(`SELECT comment FROM duckdb_views() WHERE database_name = 'kouchin' AND view_name = 'yearly_indicators'`);
        expect(doc!.comment).toMatch(/^Per fiscal year: the plan's headline indicators\./);
        for (const view of views) {
          const sql = `SELECT * FROM ${view} ORDER BY ALL`;
          expect(plain(await wasm.query(sql)), view).toEqual(plain(await node.engine.query(sql)));
        }
      } finally {
        wasm.close();
      }
    });

    it('gives the same rows for every view when built from the published CSVs', async () => {
      const wasm = await WasmSqlEngine.create();
      try {
        await setupDatabase(wasm, { ...node, reportsCsv: node.reportsCsv!, indicatorSql: indicatorSql(paths.sqlDir) });
        for (const view of views) {
          const sql = `SELECT * FROM ${view} ORDER BY ALL`;
          expect(plain(await wasm.query(sql)), view).toEqual(plain(await node.engine.query(sql)));
        }
      } finally {
        wasm.close();
      }
    });

    it('gives the same rows for every view, and the same reports, when the reports are read in place (the CLI)', async () => {
      const inPlace = await openIndicatorDatabase(paths, 'ja', { inPlace: true });
      try {
        for (const relation of [...views, 'reports']) {
          const sql = `SELECT * FROM ${relation} ORDER BY ALL`;
          expect(await inPlace.engine.query(sql), relation).toEqual(await node.engine.query(sql));
        }
      } finally {
        inPlace.engine.close();
      }
    });
  });
}
