// DuckDB-WASM in Node: the very wasm binary the site ships (duckdb-eh.wasm), through the
// package's blocking Node binding. Tests use it to compare the browser's engine with the
// build's (@duckdb/node-api) on the same SQL and the same database file.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Table } from 'apache-arrow';
import type { CsvText, Row, SqlEngine } from '../src/lib/db/setup.ts';
import { resultColumns } from '../src/lib/result-cells.ts';

const require = createRequire(import.meta.url);
type Blocking = typeof import('@duckdb/duckdb-wasm/blocking');

export class WasmSqlEngine implements SqlEngine {
  private readonly db: import('@duckdb/duckdb-wasm/blocking').DuckDBBindings;
  private readonly connection: import('@duckdb/duckdb-wasm/blocking').DuckDBConnection;

  private constructor(db: import('@duckdb/duckdb-wasm/blocking').DuckDBBindings, connection: import('@duckdb/duckdb-wasm/blocking').DuckDBConnection) {
    this.db = db;
    this.connection = connection;
  }

  static async create(): Promise<WasmSqlEngine> {
    const duckdb = require('@duckdb/duckdb-wasm/blocking') as Blocking;
    const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
    const bundles = { mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' } };
    const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await db.instantiate();
    db.open({ query: { castBigIntToDouble: false } });
    return new WasmSqlEngine(db, db.connect());
  }

  async registerText(name: string, text: CsvText): Promise<string> {
    if (typeof text === 'string') this.db.registerFileText(name, text);
    else this.db.registerFileBuffer(name, text);
    return name;
  }

  async dropText(path: string): Promise<void> {
    this.db.dropFile(path);
  }

  async run(sql: string): Promise<void> {
    this.connection.query(sql);
  }

  /** Rows as the console exports them: numbers with every digit, other values as text. */
  async query(sql: string): Promise<Row[]> {
    const table = this.connection.query(sql) as unknown as Table;
    const columns = resultColumns(table);
    return Array.from({ length: table.numRows }, (_, i) => Object.fromEntries(columns.map((c) => [c.name, c.exportValue(i)])));
  }

  table(sql: string): Table {
    return this.connection.query(sql) as unknown as Table;
  }

  close(): void {
    this.connection.close();
    this.db.reset();
  }
}
