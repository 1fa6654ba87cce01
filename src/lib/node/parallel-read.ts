// Large report files read on several threads: the file is cut at line ends into one part per
// thread, each part read by the one reader (readReportPart), and the parts joined (mergeParts)
// into the result reading the file whole gives. The checks of a line need nothing of other
// lines but the header, which every part finds among the file's first lines; what needs the
// whole file (its encoding, a facility twice, sums) is decided from what the parts report.

import { isUtf8 } from 'node:buffer';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BinaryFileError, encodingFromScan, quickEncoding, type EncodingChoice } from '../reader/decode.ts';
import { mergeParts, type PartRead } from '../reader/parts.ts';
import { HEADER_SEARCH_ROWS, readReportFile, type ReadOptions, type ReportFile } from '../reader/read-report.ts';
import { isWorkbook } from '../reader/workbook.ts';
import type { PartRequest, ScanReply } from './read-worker.ts';

/** Below this many bytes a part is not worth a thread: starting one takes about 0.1 s. */
export const MIN_PART_BYTES = 8 * 2 ** 20;
const LF = 10;

export interface ParallelOptions {
  /** Threads to use; by default as many as the machine runs at once. */
  threads?: number;
  /** Smallest part; tests set it low to cut small files. */
  minPartBytes?: number;
  /** Whether the threads also write the rows as Parquet files (ReportFile.parquet). */
  parquet?: boolean;
}

/** Any report file, as readReportFile reads it; a large text file on several threads. */
export async function readReportFileInParts(bytes: Uint8Array, file: string, options: ReadOptions, parallel: ParallelOptions = {}): Promise<ReportFile> {
  const count = partCount(bytes.length, parallel);
  if (count < 2 || isWorkbook(bytes)) return readReportFile(bytes, file, options);
  let choice: EncodingChoice | null;
  try {
    choice = quickEncoding(bytes, isUtf8);
  } catch (e) {
    if (e instanceof BinaryFileError) return readReportFile(bytes, file, options); // which says what the file is
    throw e;
  }
  // A line-end byte may be half a UTF-16 character: such a file is read whole.
  if (choice?.encoding === 'utf-16le' || choice?.encoding === 'utf-16be') return readReportFile(bytes, file, options);
  const bom = choice?.bom ?? 0;
  const starts = cuts(bytes, bom, count);
  if (!starts) return readReportFile(bytes, file, options);

  // The threads share the file's bytes rather than each getting a copy.
  let shared = bytes;
  if (!(bytes.buffer instanceof SharedArrayBuffer)) {
    shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
  }
  const workers = threadsFor(count, bytes.length);
  let merged: ReportFile | null;
  try {
    merged = await readParts(workers, shared, starts, choice, file, options, parallel);
  } catch (e) {
    // A part that needs more than its share (a problem on every line, say): the file is read whole.
    if ((e as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw e;
    merged = null;
  } finally {
    for (const worker of workers) void worker.terminate();
  }
  // The threads are stopped and their parts let go before a file is read whole.
  return merged ?? readReportFile(bytes, file, options);
}

/** Each part read on its thread, and the parts merged (null: read the file whole). */
async function readParts(
  workers: Worker[],
  shared: Uint8Array,
  starts: number[],
  quick: EncodingChoice | null,
  file: string,
  options: ReadOptions,
  parallel: ParallelOptions,
): Promise<ReportFile | null> {
  const ranges = starts.map((start, k) => shared.subarray(start, starts[k + 1] ?? shared.length));
  const scans = await Promise.all(ranges.map((range, k) => ask<ScanReply>(workers[k]!, { type: 'scan', bytes: range, utf8: quick === null })));
  const firstLines = [1];
  for (const scan of scans.slice(0, -1)) firstLines.push(firstLines.at(-1)! + scan.lineEnds);
  const foreign = scans.map((scan, k) => scan.utf8Lines.map((line) => line + firstLines[k]! - 1));
  const { encoding, foreignLines } = quick ?? encodingFromScan(shared, {
    valid: scans.reduce((n, s) => n + s.valid!, 0),
    invalid: scans.reduce((n, s) => n + s.invalid!, 0),
    utf8Lines: foreign.flat(),
  });
  const bom = starts[0]!;
  const head = shared.subarray(bom, headEnd(shared, bom, starts[1]!));
  const { onProgress: _, ...plain } = options;
  const reads = await Promise.all(ranges.map((range, k) => ask<PartRead>(workers[k]!, {
    type: 'read',
    file,
    options: plain,
    parquet: parallel.parquet ?? false,
    part: {
      encoding,
      // Only a Shift_JIS or EUC-JP file names its UTF-8 lines.
      foreignLines: foreignLines.length === 0 ? [] : foreign[k]!,
      bytes: range,
      firstLine: firstLines[k]!,
      lines: scans[k]!.lineEnds + 1,
      head: k === 0 ? null : head,
    },
  })));
  return mergeParts(reads);
}

/** How many parts a file of `bytes` is read in: one per thread, none smaller than minPartBytes. */
function partCount(bytes: number, parallel: ParallelOptions): number {
  return Math.min(parallel.threads ?? availableParallelism(), Math.floor(bytes / (parallel.minPartBytes ?? MIN_PART_BYTES)));
}

/**
 * A thread's heap grows lazily unless bounded: two of them took 1.2 GB for what fits in 0.9.
 * A part's text takes up to twice its bytes, its packed rows about as much again.
 */
const heapFor = (count: number, bytes: number) => Math.ceil(128 + (3 * bytes) / count / 2 ** 20);

const startThread = (heap: number) =>
  new Worker(new URL('./read-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: heap, maxYoungGenerationSizeMb: 32 } });

let warm: { workers: Worker[]; heap: number } | null = null;

/**
 * Starts the threads that will read the largest of `files` (those there are) while other work
 * goes on (loading the reader takes a thread about 0.15 s). Threads not used do not keep the
 * process running.
 */
export function warmReadThreads(files: readonly string[], parallel: ParallelOptions = {}): void {
  const bytes = Math.max(0, ...files.map((f) => (existsSync(f) ? statSync(f).size : 0)));
  const count = partCount(bytes, parallel);
  if (count < 2 || warm) return;
  const heap = heapFor(count, bytes);
  const workers = Array.from({ length: count }, () => startThread(heap));
  for (const worker of workers) worker.unref();
  warm = { workers, heap };
}

/** Threads for `count` parts of a file of `bytes`: the warm ones where they fit. */
function threadsFor(count: number, bytes: number): Worker[] {
  const ready = warm && warm.workers.length === count && warm.heap >= heapFor(count, bytes) ? warm.workers : null;
  if (ready) warm = null;
  const workers = ready ?? Array.from({ length: count }, () => startThread(heapFor(count, bytes)));
  for (const worker of workers) worker.ref();
  return workers;
}

function ask<T>(worker: Worker, request: PartRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      worker.off('error', fail).off('exit', exited).off('messageerror', fail).off('message', done);
    };
    const fail = (e: Error) => {
      stop();
      reject(e);
    };
    // A thread that ends without answering (or without an error event) must not leave the command waiting.
    const exited = (code: number) => fail(new Error(`a reading thread ended (exit code ${code}) before answering`));
    const done = (reply: T) => {
      stop();
      resolve(reply);
    };
    worker.on('error', fail).on('exit', exited).on('messageerror', fail).once('message', done);
    worker.postMessage(request);
  });
}

/** Where each of `count` parts starts: just after a line feed near each count-th of the file; null if too few lines. */
function cuts(bytes: Uint8Array, bom: number, count: number): number[] | null {
  const starts = [bom];
  for (let k = 1; k < count; k++) {
    const at = bytes.indexOf(LF, Math.max(starts[k - 1]!, Math.floor((bytes.length * k) / count)));
    if (at < 0 || at + 1 >= bytes.length) return null;
    starts.push(at + 1);
  }
  return starts;
}

/** Where the lines that may hold the header end: one more than the reader looks through, within the first part. */
function headEnd(bytes: Uint8Array, from: number, limit: number): number {
  let at = from;
  for (let line = 0; line <= HEADER_SEARCH_ROWS; line++) {
    const lf = bytes.indexOf(LF, at);
    if (lf < 0 || lf + 1 >= limit) return limit;
    at = lf + 1;
  }
  return at;
}
