// DuckDB-WASM's browser worker (the exception-handling build), fetching its wasm gzipped.
// The fetch wrapper must be in place before DuckDB's worker code runs: imports run in order.
import './gzip-fetch.ts';
import '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js';
