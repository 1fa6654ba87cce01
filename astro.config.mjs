// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  // Relative asset URLs keep the site working under any path a prefecture publishes it at.
  build: { format: 'directory' },
  vite: {
    // DuckDB-WASM ships its own workers and wasm; pre-bundling breaks them.
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    ssr: { external: ['@duckdb/node-api'] },
  },
});
