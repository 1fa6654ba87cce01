// In DuckDB's worker, imported before DuckDB's own worker code: fetches and compiles the
// wasm from the worker's first moment, while the rest of the worker script is still being
// evaluated and the page has not yet asked for it (measured here: ~250 ms of overlap).
//
// The wasm arrives gzip-compressed (`*.gz`, see src/lib/build/gzip-url.ts) and is inflated as
// it streams in, so compiling starts with the first bytes. A host that already decodes it
// (Content-Encoding: gzip) hands over plain wasm, recognised by its first bytes.
//
// DuckDB is told to fetch EARLY_WASM_URL (a name, not a place) and calls
// `WebAssembly.instantiateStreaming` itself. Its fetch gets the second branch of the compressed download (so its progress bar still moves,
// now against the file's real length), and its instantiateStreaming reads that branch to the
// end and instantiates the module already compiled. The file is downloaded once.
import wasmFile from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?gzip-url';
import { EARLY_WASM_URL } from './duckdb-wasm-url.ts';

const GZIP_MAGIC = [0x1f, 0x8b];
const wasmUrl = new URL(wasmFile, location.href).href;
const plainFetch = globalThis.fetch.bind(globalThis);
const plainInstantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);

/** The bytes of `body` as wasm: inflated when they start as gzip, else passed on. */
async function asWasm(body: ReadableStream<Uint8Array>): Promise<Response> {
  const reader = body.getReader();
  const first = await reader.read();
  const head = first.value ?? new Uint8Array();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength > 0) controller.enqueue(head);
      if (first.done) controller.close();
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const gzipped = GZIP_MAGIC.every((b, i) => head[i] === b);
  const wasm = gzipped ? stream.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>) : stream;
  return new Response(wasm, { status: 200, headers: { 'Content-Type': 'application/wasm' } });
}

interface Early {
  /** The compressed download's second branch, with the server's headers, for DuckDB's fetch. */
  forDuckDb: Response;
  module: Promise<WebAssembly.Module>;
}

const early: Promise<Early> = plainFetch(wasmUrl, { credentials: 'same-origin' }).then((response) => {
  if (!response.ok || !response.body) throw new Error(`${wasmFile}: HTTP ${response.status}`);
  const [compileBranch, duckDbBranch] = response.body.tee();
  return {
    forDuckDb: new Response(duckDbBranch, { status: 200, headers: response.headers }),
    module: asWasm(compileBranch).then((wasm) => WebAssembly.compileStreaming(wasm)),
  };
});
// A failure is reported when DuckDB asks for the file, through its own error path.
early.catch(() => {});

let handedOver = false;
let instantiated = false;

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : new URL(String(input), location.href).href;
  if (url === EARLY_WASM_URL && !handedOver) {
    handedOver = true;
    return (await early).forDuckDb;
  }
  return plainFetch(input, init);
};

WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  if (!handedOver || instantiated || !response.body) return plainInstantiateStreaming(response, imports);
  instantiated = true;
  // Read DuckDB's branch to the end (that is what moves its progress bar), then instantiate.
  const reader = response.body.getReader();
  while (!(await reader.read()).done);
  const module = await (await early).module;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};
