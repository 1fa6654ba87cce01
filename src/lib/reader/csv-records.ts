// Delimited text into records (RFC 4180): fields split by a delimiter, optionally in double
// quotes, with "" for a quote inside one and line ends kept inside one. Each record comes with
// the line it starts on, and a broken quote is located on its line, in the reader's words.
//
// The reader used Papa Parse for this; on a million-line file it took a quarter of the time of
// `kouchin validate`, and its cursor had to be mapped back to lines. Lines here are counted as
// records are split, and a line without a quote is split by String#split, natively.

export type CsvProblem = 'unclosed_quote' | 'text_after_quote';

export interface CsvHandlers {
  /** A record, the line it starts on, and the offset just past it (for progress). */
  record(cells: string[], line: number, end: number): void;
  /**
   * A quote problem on `line`; the record is still given, read as described at eachRecord.
   * `last` is the last line the record takes (an unclosed quote takes the rest of the text).
   */
  problem(code: CsvProblem, line: number, last: number): void;
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/**
 * Calls `record` for every record of `text` in order, blank lines included (as one empty cell).
 * Line ends are LF or CRLF, mixed freely; the reader turns a lone CR into LF first.
 *
 * A quoted field that is never closed runs to the end of the text (unclosed_quote, on the line
 * where it opened). Text after a closing quote (`"a"b`) is kept as part of the field, up to the
 * next delimiter or line end (text_after_quote).
 */
export function eachRecord(text: string, delimiter: string, handlers: CsvHandlers): void {
  const n = text.length;
  const sep = delimiter.charCodeAt(0);
  let pos = 0;
  let line = 1;
  // The next quote at or after pos, looked up again only once passed.
  let nextQuote = -1;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    if (nextQuote !== n && nextQuote < pos) {
      nextQuote = text.indexOf('"', pos);
      if (nextQuote < 0) nextQuote = n;
    }
    if (nextQuote >= end) {
      // No quote on the line: the common case.
      const stop = end > pos && text.charCodeAt(end - 1) === CR ? end - 1 : end;
      handlers.record(text.slice(pos, stop).split(delimiter), line, end);
      pos = end + 1;
      line++;
      continue;
    }
    // A line with quotes: field by field, and a quoted field may run over line ends.
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      if (text.charCodeAt(pos) === QUOTE) {
        let close = text.indexOf('"', pos + 1);
        let value = '';
        let from = pos + 1;
        // "" inside quotes is one quote.
        while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) {
          value += text.slice(from, close + 1);
          from = close + 2;
          close = text.indexOf('"', from);
        }
        if (close < 0) {
          const opened = line;
          value += text.slice(from);
          line += countLineEnds(text, end, n);
          // The text's last line, not the empty one after a final line end.
          handlers.problem('unclosed_quote', opened, text.charCodeAt(n - 1) === LF ? line - 1 : line);
          cells.push(value);
          pos = n;
          break;
        }
        value += text.slice(from, close);
        // Line ends inside the quotes: counted only when the field runs past its line's end.
        if (close > end) {
          line += countLineEnds(text, end, close);
          end = text.indexOf('\n', close);
          if (end < 0) end = n;
        }
        pos = close + 1;
        const c = text.charCodeAt(pos);
        if (pos < n && c !== sep && c !== LF && !(c === CR && text.charCodeAt(pos + 1) === LF)) {
          handlers.problem('text_after_quote', line, line);
          const stop = fieldEnd(text, pos, sep);
          value += text.slice(pos, stop);
          pos = stop;
        }
        cell = value;
      } else {
        const stop = fieldEnd(text, pos, sep);
        cell = text.slice(pos, stop);
        pos = stop;
      }
      cells.push(cell);
      const c = text.charCodeAt(pos);
      if (c === sep) {
        pos++;
        // A delimiter at the very end leaves one more, empty field.
        if (pos >= n) { cells.push(''); break; }
        continue;
      }
      // A line end (or the end of the text) closes the record.
      pos += c === CR ? 2 : 1;
      line++;
      break;
    }
    handlers.record(cells, start, pos);
  }
}

/** Where an unquoted field starting at `from` ends: its delimiter, line end, or the text's end. */
function fieldEnd(text: string, from: number, sep: number): number {
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === sep || c === LF || (c === CR && text.charCodeAt(i + 1) === LF)) return i;
    i++;
  }
  return n;
}

/** Line ends in text[from, to), `from` being one. */
function countLineEnds(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
