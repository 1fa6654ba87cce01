// SqlEngine on DuckDB-WASM, served from the site's own build output (never a CDN). The
// browser builds the same database as the build and the CLI: same setup, same SQL files.

import * as duckdb from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { plainValue, setupDatabase, type Row, type SqlEngine } from '../lib/db/setup.ts';
import { fetchPublishedData, type PublishedData } from './files.ts';

const sqlFiles = import.meta.glob('../lib/sql/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
/** The indicator SQL, in file-name order like the Node side. */
export const INDICATOR_SQL = Object.keys(sqlFiles).sort().map((k) => sqlFiles[k]!);

export type LoadStep = 'download' | 'start' | 'data' | 'ready';

/** Arrow result → plain rows: BigInt to number, DATE to ISO text, decimals to numbers. */
export function arrowRows(table: Table): Row[] {
  const fields = table.schema.fields;
  return table.toArray().map((record) => {
    const row: Row = {};
    for (const field of fields) {
      const value = record[field.name];
      row[field.name] = plainCell(value, field.type);
    }
    return row;
  });
}

function plainCell(value: unknown, type: { typeId: number; scale?: number }): unknown {
  if (value === null || value === undefined) return null;
  // arrow Type.Date = 8, Type.Timestamp = 10, Type.Decimal = 7
  if ((type.typeId === 8 || type.typeId === 10) && typeof value === 'number') return new Date(value).toISOString().slice(0, type.typeId === 8 ? 10 : 19);
  if (type.typeId === 7) return Number(String(value)) / 10 ** (type.scale ?? 0);
  if (typeof value === 'bigint') {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value.toString();
  }
  return plainValue(value);
}

export class BrowserSqlEngine implements SqlEngine {
  readonly db: duckdb.AsyncDuckDB;
  readonly connection: duckdb.AsyncDuckDBConnection;

  private constructor(db: duckdb.AsyncDuckDB, connection: duckdb.AsyncDuckDBConnection) {
    this.db = db;
    this.connection = connection;
  }

  static async start(onProgress: (step: LoadStep, detail?: { loaded: number; total: number }) => void = () => {}): Promise<BrowserSqlEngine> {
    const bundle = await duckdb.selectBundle({
      mvp: { mainModule: new URL(mvpWasm, location.href).href, mainWorker: new URL(mvpWorker, location.href).href },
      eh: { mainModule: new URL(ehWasm, location.href).href, mainWorker: new URL(ehWorker, location.href).href },
    });
    const worker = new Worker(bundle.mainWorker!);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    onProgress('download');
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) => onProgress('download', { loaded: p.bytesLoaded, total: p.bytesTotal }));
    onProgress('start');
    await db.open({ query: { castBigIntToDouble: false } });
    return new BrowserSqlEngine(db, await db.connect());
  }

  async registerText(name: string, text: string | Uint8Array): Promise<string> {
    // Bytes are handed over to DuckDB's worker as they are; text is encoded first.
    if (typeof text === 'string') await this.db.registerFileText(name, text);
    else await this.db.registerFileBuffer(name, text);
    return name;
  }

  async run(sql: string): Promise<void> {
    await this.connection.query(sql);
  }

  async query(sql: string): Promise<Row[]> {
    return arrowRows(await this.connection.query(sql));
  }

  /** Ends the engine's worker and frees its memory. */
  async close(): Promise<void> {
    await this.db.terminate();
  }

  /**
   * Closes the engine to the outside world: no file or network access and no extension
   * downloads from here on, and the settings cannot be changed back by a query.
   */
  async lockDown(): Promise<void> {
    for (const sql of [
      'SET autoinstall_known_extensions = false',
      'SET autoload_known_extensions = false',
      'SET enable_external_access = false',
      'SET lock_configuration = true',
    ]) await this.run(sql);
  }
}

/** Starts DuckDB-WASM with every table and indicator view the published pages use. */
export async function openPublishedDatabase(
  onProgress: (step: LoadStep, detail?: { loaded: number; total: number }) => void = () => {},
  data?: Promise<PublishedData>,
): Promise<BrowserSqlEngine> {
  const published = data ?? fetchPublishedData();
  const engine = await BrowserSqlEngine.start(onProgress);
  onProgress('data');
  await setupDatabase(engine, { ...(await published), indicatorSql: INDICATOR_SQL });
  onProgress('ready');
  return engine;
}
