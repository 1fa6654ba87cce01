// A thread reading one part of a large report file (see parallel-read.ts). It is asked twice:
// first to count its part's line ends (and scan it for UTF-8, where the file is not UTF-8
// throughout), then to read the part; the rows come back by column (and as a Parquet file if
// asked), the buffers transferred.

import { parentPort } from 'node:worker_threads';
import { reportsParquet } from '../db/report-parquet.ts';
import { utf8Scan, type Utf8Scan } from '../reader/decode.ts';
import type { PartRead } from '../reader/parts.ts';
import { readReportPart, type FilePart, type ReadOptions } from '../reader/read-report.ts';
import { packedBuffers } from '../reader/row-columns.ts';

export type PartRequest =
  | { type: 'scan'; bytes: Uint8Array; utf8: boolean }
  | { type: 'read'; part: FilePart; file: string; options: Omit<ReadOptions, 'onProgress'>; parquet: boolean };

export type ScanReply = Omit<Utf8Scan, 'valid' | 'invalid'> & Partial<Utf8Scan>;

const LF = 10;
const CR = 13;

/** Line ends (LF, CRLF or a lone CR), as the reader counts lines. */
function lineEnds(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) count++;
  for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 1)) if (bytes[i + 1] !== LF) count++;
  return count;
}

parentPort!.on('message', (request: PartRequest) => {
  if (request.type === 'scan') {
    const reply: ScanReply = request.utf8 ? utf8Scan(request.bytes) : { utf8Lines: [], lineEnds: lineEnds(request.bytes) };
    parentPort!.postMessage(reply);
    return;
  }
  const { part, file, options } = request;
  const read = readReportPart(part, file, options);
  const parquet = request.parquet ? reportsParquet(read.packed) : null;
  const reply: PartRead = { firstLine: part.firstLine, ...read, parquet };
  const buffers = [...packedBuffers(read.packed), ...read.state.offices.flatMap((o) => [o.offices.buffer as ArrayBuffer, o.lines.buffer as ArrayBuffer])];
  parentPort!.postMessage(reply, parquet ? [...buffers, parquet.buffer] : buffers);
});
