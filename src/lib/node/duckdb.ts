// SqlEngine on native DuckDB (@duckdb/node-api), for the build, the CLI and tests.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AGGREGATE_RELATIONS_SQL, exportDatabaseSql, exportRelationsSql, plainValue, type CsvText, type Row, type SqlEngine } from '../db/setup.ts';

/**
 * A file system in memory (tmpfs), where the system has one: the files DuckDB reads are
 * written once and read once, and 120 MB of reports written to a disk's /tmp took 0.5 s,
 * queued behind the disk, against 0.07 s here.
 */
const MEMORY_FS = '/dev/shm';

/** Whether `bytes` fit in the memory file system with as much again to spare. */
function memoryFsHolds(bytes: number): boolean {
  try {
    const fs = statfsSync(MEMORY_FS);
    return fs.bavail * fs.bsize > 2 * bytes;
  } catch {
    return false; // none here
  }
}

/** `text` written into a new file (`wx`: never one that is there). */
const writeNew = (path: string, text: CsvText) => writeFileSync(path, text, { flag: 'wx' });

export class NodeSqlEngine implements SqlEngine {
  private readonly dir = mkdtempSync(join(tmpdir(), 'kouchin-'));
  /** Files in the memory file system not yet dropped, each named for this engine alone (no directory to leave behind). */
  private readonly memoryFiles = new Set<string>();
  private readonly instance: DuckDBInstance;
  private readonly connection: DuckDBConnection;

  private constructor(instance: DuckDBInstance, connection: DuckDBConnection) {
    this.instance = instance;
    this.connection = connection;
  }

  static async create(): Promise<NodeSqlEngine> {
    const instance = await DuckDBInstance.create(':memory:');
    return new NodeSqlEngine(instance, await instance.connect());
  }

  async registerText(name: string, text: CsvText): Promise<string> {
    const memory = this.memoryPath(name, typeof text === 'string' ? Buffer.byteLength(text) : text.length);
    if (memory !== null) {
      try {
        writeNew(memory, text);
        this.memoryFiles.add(memory);
        return memory;
      } catch {
        rmSync(memory, { force: true }); // filled meanwhile, say: the temporary directory will do
      }
    }
    const path = join(this.dir, name);
    rmSync(path, { force: true }); // registered again
    writeNew(path, text);
    return path;
  }

  /** Where a file of `bytes` goes in the memory file system, or null (none, or no room). */
  private memoryPath(name: string, bytes: number): string | null {
    return memoryFsHolds(bytes) ? join(MEMORY_FS, `kouchin-${randomUUID()}-${name}`) : null;
  }

  async dropText(path: string): Promise<void> {
    // A file left in memory would hold it until the system restarts: gone as soon as it is read.
    rmSync(path, { force: true });
    this.memoryFiles.delete(path);
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async query(sql: string): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => {
      const out: Row = {};
      for (const [k, v] of Object.entries(row)) out[k] = v instanceof Date ? v.toISOString().slice(0, 10) : plainValue(v);
      return out;
    });
  }

  /**
   * The database as a DuckDB file, for the browser to attach: everything (tables, views,
   * macros), or with `facilityLevel: false` only what holds no facility's rows.
   */
  async exportDatabase({ facilityLevel = true }: { facilityLevel?: boolean } = {}): Promise<Uint8Array> {
    const path = join(this.dir, 'export.duckdb');
    rmSync(path, { force: true });
    const relations = facilityLevel ? [] : (await this.query(AGGREGATE_RELATIONS_SQL)).map((r) => r.table_name as string);
    for (const sql of facilityLevel ? exportDatabaseSql(path) : exportRelationsSql(path, relations)) await this.run(sql);
    return new Uint8Array(readFileSync(path));
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
    rmSync(this.dir, { recursive: true, force: true });
    for (const path of this.memoryFiles) rmSync(path, { force: true });
  }
}
