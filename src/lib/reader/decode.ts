// Bytes to text. The encoding is decided for the whole file — a BOM, else whichever of UTF-8,
// Shift_JIS (Windows-31J, Excel's "CSV") and EUC-JP reads it best — and the lines that do not
// fit it are named, so one stray byte does not turn a UTF-8 file into mojibake.

import type { IssueCode } from './issues.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'euc-jp';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** 1-based lines of a Shift_JIS or EUC-JP file that are UTF-8 text (saved from another tool). */
  foreignLines: number[];
}

/** Not a text file at all: the message says what it is and what to do. */
export class BinaryFileError extends Error {
  readonly code: IssueCode;
  constructor(code: IssueCode) {
    super(code);
    this.code = code;
  }
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Characters that Japanese text is made of; mojibake of another encoding has few of them. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff\uff01-\uff5e\u3000-\u303f]/g;
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const REPLACEMENT = /\uFFFD/g;

export interface Utf8Scan {
  valid: number;
  invalid: number;
  /** 1-based lines that are UTF-8 text. */
  utf8Lines: number[];
  /** Line ends met (LF, CRLF or a lone CR). */
  lineEnds: number;
}

/**
 * One pass over the bytes: per line (1-based; CRLF, LF or a lone CR ends one), whether it is
 * UTF-8 (valid multi-byte sequences and no invalid one). `valid` counts the valid sequences
 * met, `invalid` the lines with an invalid one: once a line has one, the rest of it is
 * skipped, so a Shift_JIS file is mostly passed over by indexOf rather than byte by byte.
 */
export function utf8Scan(bytes: Uint8Array): Utf8Scan {
  const utf8Lines: number[] = [];
  let valid = 0;
  let invalid = 0;
  let line = 1;
  let lineValid = 0;
  let lineInvalid = 0;
  const n = bytes.length;
  // The next CR and LF at or after the position, looked up again only once passed, so each
  // is searched for once over the whole file.
  let nextCr = -1;
  let nextLf = -1;
  // One plain loop, calling out only to skip a line: it runs over a file of up to 100 MB.
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      if (b <= 0x0d && (b === 0x0a || (b === 0x0d && bytes[i] !== 0x0a))) {
        // Two characters at least: a lone Shift_JIS pair can look like UTF-8 by chance.
        if (lineValid >= 2 && lineInvalid === 0) utf8Lines.push(line);
        line++;
        valid += lineValid;
        invalid += lineInvalid;
        lineValid = 0;
        lineInvalid = 0;
      }
      continue;
    }
    // A lead byte of 2 (C2–DF), 3 (E0–EF) or 4 (F0–F4) bytes, and its continuation bytes.
    if (b >= 0xc2 && b <= 0xf4 && i + 1 < n && (bytes[i + 1]! & 0xc0) === 0x80) {
      if (b <= 0xdf) { lineValid++; i += 2; continue; }
      if (i + 2 < n && (bytes[i + 2]! & 0xc0) === 0x80) {
        if (b <= 0xef) { lineValid++; i += 3; continue; }
        if (i + 3 < n && (bytes[i + 3]! & 0xc0) === 0x80) { lineValid++; i += 4; continue; }
      }
    }
    // Not UTF-8: on to the line's end, which the loop then counts.
    lineInvalid = 1;
    if (nextCr !== n && nextCr < i) nextCr = indexOrEnd(bytes, 0x0d, i);
    if (nextLf !== n && nextLf < i) nextLf = indexOrEnd(bytes, 0x0a, i);
    i = Math.min(nextCr, nextLf);
  }
  if (lineValid >= 2 && lineInvalid === 0) utf8Lines.push(line);
  return { valid: valid + lineValid, invalid: invalid + lineInvalid, utf8Lines, lineEnds: line - 1 };
}

function indexOrEnd(bytes: Uint8Array, byte: number, from: number): number {
  const at = bytes.indexOf(byte, from);
  return at < 0 ? bytes.length : at;
}

/** How a file is to be decoded: its encoding, the bytes its BOM takes, and its UTF-8 lines. */
export interface EncodingChoice {
  encoding: Encoding;
  /** Bytes of the BOM, skipped before decoding. */
  bom: number;
  foreignLines: number[];
  /** The whole text, where deciding already decoded it (valid UTF-8). */
  text?: string;
}

export function decodeReport(bytes: Uint8Array): Decoded {
  const choice = chooseEncoding(bytes);
  return { text: choice.text ?? decodeAs(bytes.subarray(choice.bom), choice.encoding), encoding: choice.encoding, foreignLines: choice.foreignLines };
}

/** Bytes in an encoding chosen for their whole file (a part of it cut at a line end, say). */
export const decodeAs = (bytes: Uint8Array, encoding: Encoding): string => new TextDecoder(encoding).decode(bytes);

/** The encoding of a whole file, decided once for it (a part of a file cannot decide). */
export function chooseEncoding(bytes: Uint8Array): EncodingChoice {
  return quickEncoding(bytes) ?? encodingFromScan(bytes, utf8Scan(bytes));
}

/**
 * The encoding where the file's first bytes or its being UTF-8 throughout say it; null where
 * every line must be scanned (utf8Scan). `isUtf8`, where the platform has one (Node's
 * buffer.isUtf8), checks UTF-8 without decoding.
 */
export function quickEncoding(bytes: Uint8Array, isUtf8?: (bytes: Uint8Array) => boolean): EncodingChoice | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: 3, foreignLines: [] };
  // Excel's "Unicode テキスト" is UTF-16 little-endian with a BOM.
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: 2, foreignLines: [] };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: 2, foreignLines: [] };
  // The old binary Excel format (an OLE compound file).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) throw new BinaryFileError('reader.xls');
  if (bytes.indexOf(0) >= 0) {
    let nul = 0;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) nul++;
    // UTF-16 without a BOM: every other byte of ASCII text is NUL; on the other side only an
    // occasional character's low byte is (一 is U+4E00).
    const sample = bytes.subarray(0, 2000);
    const oddNul = sample.filter((b, i) => i % 2 === 1 && b === 0).length;
    const evenNul = sample.filter((b, i) => i % 2 === 0 && b === 0).length;
    if (oddNul > sample.length / 4 && evenNul * 4 < oddNul) return { encoding: 'utf-16le', bom: 0, foreignLines: [] };
    if (evenNul > sample.length / 4 && oddNul * 4 < evenNul) return { encoding: 'utf-16be', bom: 0, foreignLines: [] };
    // Many NULs: a binary file. A few: a text file with stray NULs, which the reader locates.
    if (nul > Math.max(8, bytes.length / 100)) throw new BinaryFileError('reader.binary');
  }
  // Valid UTF-8 throughout: the usual case needs no scan of its own.
  if (isUtf8) return isUtf8(bytes) ? { encoding: 'utf-8', bom: 0, foreignLines: [] } : null;
  try {
    return { encoding: 'utf-8', bom: 0, foreignLines: [], text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return null;
  }
}

/** The encoding of a file that is not UTF-8 throughout, from the scan of all its lines. */
export function encodingFromScan(bytes: Uint8Array, { valid, invalid, utf8Lines }: Omit<Utf8Scan, 'lineEnds'>): EncodingChoice {
  // UTF-8 unless lines with invalid sequences are not rare: in Shift_JIS text most are.
  if (invalid === 0 || valid >= 4 * invalid) return { encoding: 'utf-8', bom: 0, foreignLines: [] };
  // Shift_JIS or EUC-JP: whichever reads the start of the file as more Japanese and fewer errors.
  const sample = bytes.subarray(0, 256 * 1024);
  const score = (encoding: Encoding) => {
    const text = new TextDecoder(encoding).decode(sample);
    return count(text, JAPANESE) - 10 * count(text, REPLACEMENT);
  };
  return { encoding: score('euc-jp') > score('shift_jis') ? 'euc-jp' : 'shift_jis', bom: 0, foreignLines: utf8Lines };
}
