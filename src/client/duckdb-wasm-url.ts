/**
 * What the page tells DuckDB-WASM to fetch as its wasm: a name its worker answers with the
 * file it began fetching and compiling when it started (./duckdb-wasm-early.ts), not a place.
 */
export const EARLY_WASM_URL = 'kouchin-early:duckdb-eh.wasm';
