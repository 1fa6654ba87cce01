// SqlEngine on DuckDB-WASM, served from the site's own build output (never a CDN). The
// browser builds the same database as the build and the CLI: same setup, same SQL files.

import * as duckdb from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
// Only the exception-handling build ships: every browser the console supports has wasm
// exceptions (README, "Browsers"); the MVP build would be another 39 MB file. Its worker
// fetches and compiles the wasm by itself from its first moment (./duckdb-wasm-early.ts).
import { EARLY_WASM_URL } from './duckdb-wasm-url.ts';
import { attachPublishedSql, plainValue, type CsvText, type Row, type SqlEngine } from '../lib/db/setup.ts';
import { siteUrl } from '../lib/paths.ts';

const sqlFiles = import.meta.glob('../lib/sql/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
/** The indicator SQL, in file-name order like the Node side. */
export const INDICATOR_SQL = Object.keys(sqlFiles).sort().map((k) => sqlFiles[k]!);

export type LoadStep = 'download' | 'start' | 'data' | 'ready';

/** The browser lacks what DuckDB-WASM needs (WebAssembly exceptions, DecompressionStream). */
export class UnsupportedBrowserError extends Error {
  override name = 'UnsupportedBrowserError';
}

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
    const features = await duckdb.getPlatformFeatures();
    if (!features.wasmExceptions || typeof DecompressionStream === 'undefined') throw new UnsupportedBrowserError('WebAssembly exceptions or DecompressionStream missing');
    const worker = new Worker(new URL('./duckdb-worker.ts', import.meta.url), { type: 'module' });
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    onProgress('download');
    await db.instantiate(EARLY_WASM_URL, null, (p) => onProgress('download', { loaded: p.bytesLoaded, total: p.bytesTotal }));
    onProgress('start');
    await db.open({ query: { castBigIntToDouble: false } });
    return new BrowserSqlEngine(db, await db.connect());
  }

  async registerText(name: string, text: CsvText): Promise<string> {
    // Bytes are handed over to DuckDB's worker as they are; text is encoded first.
    if (typeof text === 'string') await this.db.registerFileText(name, text);
    else await this.db.registerFileBuffer(name, text);
    return name;
  }

  async dropText(path: string): Promise<void> {
    // The worker's copy of a million rows is 100 MB let go.
    await this.db.dropFile(path);
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

/**
 * Starts DuckDB-WASM on the published database: the build's DuckDB file, fetched while the
 * engine starts and attached read-only, with every table and indicator view in it.
 */
export async function openPublishedDatabase(onProgress: (step: LoadStep, detail?: { loaded: number; total: number }) => void = () => {}): Promise<BrowserSqlEngine> {
  // Marks let the bench (and the browser's profiler) split the wait into its steps.
  const step = (name: LoadStep, detail?: { loaded: number; total: number }) => {
    if (!detail) performance.mark(`duckdb:${name}`);
    onProgress(name, detail);
  };
  const file = fetch(siteUrl('data/kouchin.duckdb')).then(async (r) => {
    if (!r.ok) throw new Error(`data/kouchin.duckdb: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  });
  file.catch(() => {}); // reported below, once the engine is up
  const engine = await BrowserSqlEngine.start(step);
  step('data');
  await engine.db.registerFileBuffer('kouchin.duckdb', await file);
  for (const sql of attachPublishedSql('kouchin.duckdb')) await engine.run(sql);
  step('ready');
  return engine;
}
