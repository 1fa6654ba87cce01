// In DuckDB's worker: the wasm arrives gzip-compressed (`*.gz`, see
// src/lib/build/gzip-url.ts) and is inflated as it streams in, so compiling starts with the
// first bytes. A host that already decodes it (Content-Encoding: gzip) hands over plain wasm,
// which is recognised by its first bytes and passed on untouched.

const GZIP_MAGIC = [0x1f, 0x8b];
const plainFetch = globalThis.fetch.bind(globalThis);

async function inflated(response: Response): Promise<Response> {
  const reader = response.body!.getReader();
  const first = await reader.read();
  const head = first.value ?? new Uint8Array();
  const body = new ReadableStream<Uint8Array>({
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
  const wasm = gzipped ? body.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>) : body;
  return new Response(wasm, { status: 200, headers: { 'Content-Type': 'application/wasm' } });
}

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const response = await plainFetch(input, init);
  const url = input instanceof Request ? input.url : String(input);
  if (!new URL(url, location.href).pathname.endsWith('.gz') || !response.ok || !response.body) return response;
  return inflated(response);
};
