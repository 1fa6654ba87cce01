// Text decoding of report files: UTF-8 (with or without BOM), UTF-16 with BOM, or
// Shift_JIS. The WHATWG `shift_jis` decoder is Windows-31J (CP932), Excel's encoding.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

export class BinaryFileError extends Error {}

export function decodeReport(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  // A NUL byte never occurs in UTF-8 or Shift_JIS text: this is a spreadsheet or other binary.
  if (bytes.includes(0)) {
    throw new BinaryFileError('this is not a text CSV file (it contains NUL bytes; save it as CSV from Excel)');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}
