// DuckDB error messages for people. Some errors arrive as JSON
// ({"exception_type":"Parser","exception_message":…,"position":"6"}); they are shown the
// way DuckDB prints them, with the line of the query and a caret under the position.

export function formatDuckDbError(message: string, sql: string): string {
  let parsed: { exception_type?: string; exception_message?: string; position?: string } | null = null;
  if (message.trimStart().startsWith('{')) {
    try {
      parsed = JSON.parse(message);
    } catch {
      parsed = null;
    }
  }
  if (!parsed?.exception_message) return message;
  const head = `${parsed.exception_type ?? 'DuckDB'} Error: ${parsed.exception_message}`;
  const position = Number(parsed.position);
  if (!Number.isInteger(position) || position < 0 || position > sql.length) return head;
  const before = sql.slice(0, position);
  const lineNo = before.split('\n').length;
  const column = position - (before.lastIndexOf('\n') + 1);
  const line = sql.split('\n')[lineNo - 1] ?? '';
  const prefix = `LINE ${lineNo}: `;
  return `${head}\n\n${prefix}${line}\n${' '.repeat(prefix.length + column)}^`;
}
