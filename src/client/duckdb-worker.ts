// DuckDB-WASM's browser worker (the exception-handling build). This entry is small so that it
// runs at once: it starts fetching and compiling the wasm (./duckdb-wasm-early.ts) and only
// then loads DuckDB's own worker code (760 KB), which takes a few hundred ms to arrive and
// run. Messages from the page that arrive meanwhile are held and handed over in order.
import './duckdb-wasm-early.ts';

const held: MessageEvent[] = [];
const hold = (event: MessageEvent) => held.push(event);
globalThis.addEventListener('message', hold);

await import('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js');

// DuckDB's worker code answers through `onmessage`, which it has set by now.
globalThis.removeEventListener('message', hold);
const handler = globalThis.onmessage as ((event: MessageEvent) => unknown) | null;
for (const event of held) handler?.(event);
