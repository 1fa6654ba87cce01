// SqlEngine on native DuckDB (@duckdb/node-api), for the build, the CLI and tests.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AGGREGATE_RELATIONS_SQL, exportDatabaseSql, exportRelationsSql, plainValue, type Row, type SqlEngine } from '../db/setup.ts';

export class NodeSqlEngine implements SqlEngine {
  private readonly dir = mkdtempSync(join(tmpdir(), 'kouchin-'));
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

  async registerText(name: string, text: string | Uint8Array): Promise<string> {
    const path = join(this.dir, name);
    writeFileSync(path, text);
    return path;
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
  }
}
