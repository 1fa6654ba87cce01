// Splitting console input into statements, and telling which of them only read. A shared link
// runs by itself only when every statement only reads; anything else waits for the reader to
// press Run. DuckDB-WASM exposes no parser, so this is a small lexer over DuckDB's syntax:
// '…' strings (E'…' escapes), "…" identifiers, $tag$…$tag$ strings, -- and nested /* */ comments.

export interface SqlStatement {
  /** The statement's text, without the ending semicolon, trimmed. */
  text: string;
  /** Upper-cased keywords and symbols outside brackets, strings and comments, in order. */
  topLevel: string[];
}

/** Statements that only read (DuckDB's SELECT forms and its read-only commands). */
const READ_ONLY_START = new Set(['SELECT', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SHOW', 'SUMMARIZE', 'PIVOT', 'UNPIVOT', '(']);
/** Keywords that make a WITH … statement write (WITH x AS (…) INSERT/UPDATE/DELETE …). */
const WRITES = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COPY', 'CREATE', 'DROP', 'ALTER', 'ATTACH', 'DETACH']);

// Identifiers may hold any letter (DuckDB reads 値$x$ as one name, not a name and a $x$ string).
const DOLLAR_TAG = /\$([\p{L}\p{N}_]*)\$/uy;
const WORD = /[\p{L}_][\p{L}\p{N}_$]*/uy;
const NAME_CHAR = /[\p{L}\p{N}_$]/u;
const LINE_END = /[\n\r]/g;
const at = (pattern: RegExp, text: string, index: number) => ((pattern.lastIndex = index), pattern.exec(text)?.[0]);

export function splitStatements(sql: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let start = 0;
  let depth = 0;
  let topLevel: string[] = [];
  let i = 0;
  const end = (at: number) => {
    const text = sql.slice(start, at).trim();
    if (topLevel.length > 0) statements.push({ text, topLevel });
    topLevel = [];
    start = at + 1;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      // A comment ends at a line end, which DuckDB takes to be \n or \r.
      LINE_END.lastIndex = i;
      const end = LINE_END.exec(sql);
      i = end ? end.index + 1 : sql.length;
    } else if (c === '/' && next === '*') {
      let nested = 1;
      i += 2;
      while (i < sql.length && nested > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') (nested++, (i += 2));
        else if (sql[i] === '*' && sql[i + 1] === '/') (nested--, (i += 2));
        else i++;
      }
    } else if (c === "'" || c === '"') {
      // E'…' strings take backslash escapes; every quoted text ends at a quote not doubled.
      const escapes = c === "'" && /^[eE]$/.test(sql[i - 1] ?? '') && !NAME_CHAR.test(sql[i - 2] ?? '');
      i++;
      while (i < sql.length) {
        if (escapes && sql[i] === '\\') i += 2;
        else if (sql[i] === c && sql[i + 1] === c) i += 2;
        else if (sql[i] === c) break;
        else i++;
      }
      i++;
      if (depth === 0 && c === "'") topLevel.push("'");
    } else if (c === '$' && !NAME_CHAR.test(sql[i - 1] ?? '') && at(DOLLAR_TAG, sql, i)) {
      const tag = at(DOLLAR_TAG, sql, i)!;
      const close = sql.indexOf(tag, i + tag.length);
      i = close < 0 ? sql.length : close + tag.length;
      if (depth === 0) topLevel.push("'");
    } else if (c === '(') {
      if (depth === 0) topLevel.push('(');
      depth++;
      i++;
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (c === ';' && depth === 0) {
      end(i);
      i++;
    } else if (/[\p{L}_]/u.test(c)) {
      const word = at(WORD, sql, i)!;
      if (depth === 0) topLevel.push(word.toUpperCase());
      i += word.length;
    } else {
      if (depth === 0 && !/\s/.test(c)) topLevel.push(c);
      i++;
    }
  }
  end(sql.length);
  return statements;
}

/**
 * True when the statement cannot change anything: a query, or a read-only command.
 * EXPLAIN ANALYZE runs what it explains, so it counts as what follows it.
 */
export function isReadOnly(statement: SqlStatement): boolean {
  let words = statement.topLevel;
  if (words[0] === 'EXPLAIN') words = words.slice(words[1] === 'ANALYZE' || words[1] === 'ANALYSE' ? 2 : 1);
  const first = words[0];
  if (first === 'WITH') return !words.some((w) => WRITES.has(w));
  return first !== undefined && READ_ONLY_START.has(first) && !words.some((w) => WRITES.has(w));
}

/** True when every statement of `sql` only reads (and there is at least one). */
export function onlyReads(sql: string): boolean {
  const statements = splitStatements(sql);
  return statements.length > 0 && statements.every(isReadOnly);
}
