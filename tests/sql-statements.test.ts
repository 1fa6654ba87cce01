// Which console input a shared link may run by itself: only statements that cannot change
// anything. Each case is one DuckDB form; the writing ones are those the engine would execute.

import { describe, expect, it } from 'vitest';
import { isReadOnly, onlyReads, splitStatements } from '../src/lib/sql-statements.ts';

describe('splitStatements', () => {
  it('splits at semicolons outside strings, identifiers, dollar quotes and comments', () => {
    const sql = `SELECT ';' AS a, "x;y" FROM t; -- c;omment\nSELECT $q$ ; $q$ /* a /* nested ; */ ; */ ; ; SELECT E'it\\'s;'`;
    expect(splitStatements(sql).map((s) => s.text)).toEqual([
      `SELECT ';' AS a, "x;y" FROM t`,
      `-- c;omment\nSELECT $q$ ; $q$ /* a /* nested ; */ ; */`,
      `SELECT E'it\\'s;'`,
    ]);
  });

  it('keeps a last statement without a semicolon and drops empty ones', () => {
    expect(splitStatements(' ; -- only a comment\n;SELECT 1').map((s) => s.text)).toEqual(['SELECT 1']);
    expect(splitStatements('')).toEqual([]);
  });
});

describe('isReadOnly', () => {
  const readOnly = (sql: string) => splitStatements(sql).map(isReadOnly);
  it('accepts queries and read-only commands', () => {
    for (const sql of [
      'SELECT * FROM yearly_indicators',
      'from reports limit 5',
      '(SELECT 1) UNION (SELECT 2)',
      'WITH a AS (SELECT 1 AS x) SELECT * FROM a',
      "SELECT 'DELETE FROM reports'",
      'DESCRIBE reports', 'SHOW TABLES', 'SUMMARIZE reports', 'VALUES (1)', 'EXPLAIN SELECT 1',
      'PIVOT reports ON fiscal_year USING count(*)',
    ]) expect(readOnly(sql), sql).toEqual([true]);
  });

  it('refuses anything that writes, attaches, sets or runs what it explains', () => {
    for (const sql of [
      'UPDATE reports SET total_wages_yen = 0',
      'DELETE FROM reports',
      'CREATE OR REPLACE VIEW yearly_indicators AS SELECT 1',
      'INSERT INTO scratch.t VALUES (1)',
      'WITH a AS (SELECT 1) INSERT INTO t SELECT * FROM a',
      'WITH a AS (SELECT 1) DELETE FROM t',
      'DETACH kouchin', 'ATTACH \'x.db\'', 'USE memory', "SET search_path = 'memory.main'", 'DROP TABLE t',
      'EXPLAIN ANALYZE CREATE TABLE t AS SELECT 1', 'COPY reports TO \'x.csv\'', 'PRAGMA version', 'CALL pragma_version()',
      'BEGIN', 'COMMIT', 'LOAD httpfs', 'INSTALL httpfs',
    ]) expect(readOnly(sql), sql).toEqual([false]);
  });

  it('lets a link run by itself only when every statement reads', () => {
    expect(onlyReads('SELECT 1; SELECT 2')).toBe(true);
    expect(onlyReads('SELECT 1; DETACH kouchin; SELECT 2')).toBe(false);
    expect(onlyReads("SELECT 1 /* ; UPDATE reports SET x = 1 */")).toBe(true);
    expect(onlyReads("SELECT ';'; UPDATE reports SET x = 1")).toBe(false);
    expect(onlyReads('-- nothing')).toBe(false);
  });

  it('ends a comment where DuckDB does, and reads names in any script', () => {
    // DuckDB ends a -- comment at \r as well as \n: the DETACH is a statement of its own.
    expect(onlyReads('SELECT 1 --\r; DETACH kouchin')).toBe(false);
    // 値$x$ is one name to DuckDB, not the start of a $x$ string hiding what follows.
    expect(splitStatements('SELECT 1 AS 値$x$; DETACH kouchin; SELECT 2 AS 値$x$').map((s) => s.text)).toEqual(['SELECT 1 AS 値$x$', 'DETACH kouchin', 'SELECT 2 AS 値$x$']);
    // After a name, E'…' is no escape string: the string ends at the next quote, as in DuckDB.
    expect(onlyReads("SELECT 1 AS 値E'\\'; DETACH kouchin; --'")).toBe(false);
  });
});
