/** A file emitted gzip-compressed by the build (src/lib/build/gzip-url.ts); its URL. */
declare module '*?gzip-url' {
  const url: string;
  export default url;
}

/** DuckDB-WASM's worker code, loaded for its effect by src/client/duckdb-worker.ts. */
declare module '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js';
