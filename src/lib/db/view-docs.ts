// Each view's documentation is the comment written above it in src/lib/sql/*.sql. It is put
// into the database (COMMENT ON VIEW / COLUMN), so the console's sidebar and any analyst's
// `duckdb_views()` read the same words as the SQL's author wrote, in one place.

import { sqlString, type SqlEngine } from './setup.ts';

export interface ViewDoc {
  view: string;
  /** The comment block without its column lines, as text. */
  about: string;
  /** `--   column_name   meaning` lines: the column's meaning. */
  columns: Map<string, string>;
}

export function viewDocs(sqlFiles: string[]): ViewDoc[] {
  const docs: ViewDoc[] = [];
  for (const sql of sqlFiles) {
    const lines = sql.split('\n');
    lines.forEach((line, i) => {
      const view = /^CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+(\w+)/i.exec(line)?.[1];
      if (!view) return;
      const comment: string[] = [];
      for (let j = i - 1; j >= 0 && lines[j]!.startsWith('--'); j--) comment.unshift(lines[j]!.replace(/^--\s?/, ''));
      if (comment.length === 0) return;
      const columns = new Map<string, string>();
      const about: string[] = [];
      for (const c of comment) {
        const m = /^\s+([a-z_][a-z0-9_]*)\s{2,}(\S.*)$/.exec(c);
        if (m) columns.set(m[1]!, m[2]!.trim());
        else about.push(c.trim());
      }
      docs.push({ view, about: about.join(' '), columns });
    });
  }
  return docs;
}

/**
 * Puts each view's documentation into the database, for `duckdb_views()` and the console.
 * Only where the database file is written (the build): the browser's import preview skips it.
 */
export async function commentViews(engine: SqlEngine, indicatorSql: string[]): Promise<void> {
  const columns = new Set((await engine.query(`SELECT table_name || '.' || column_name AS c FROM duckdb_columns() WHERE database_name = current_database()`)).map((r) => r.c as string));
  for (const doc of viewDocs(indicatorSql)) {
    await engine.run(`COMMENT ON VIEW ${doc.view} IS ${sqlString(doc.about)}`);
    for (const [column, about] of doc.columns) {
      if (columns.has(`${doc.view}.${column}`)) await engine.run(`COMMENT ON COLUMN ${doc.view}.${column} IS ${sqlString(about)}`);
    }
  }
}
