// @ts-check
import { writeFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { gzipUrl, keepDuckDbWorker } from './src/lib/build/gzip-url.ts';
import { headersFile } from './src/lib/csp.ts';

/**
 * The benchmark's naive page (chart drawn after DuckDB-WASM loads) exists only in bench builds.
 * @type {import('astro').AstroIntegration}
 */
const benchPages = {
  name: 'kouchin-bench-pages',
  hooks: {
    'astro:config:setup': ({ injectRoute }) => {
      if (process.env.KOUCHIN_BENCH === '1') {
        injectRoute({ pattern: '/bench/naive-chart', entrypoint: './scripts/bench/naive-chart.astro' });
      }
    },
  },
};

/**
 * `_headers` beside the pages, for hosts that read it (Cloudflare Pages, Netlify).
 * @type {import('astro').AstroIntegration}
 */
const securityHeaders = {
  name: 'kouchin-security-headers',
  hooks: {
    'astro:build:done': ({ dir }) => writeFileSync(new URL('_headers', dir), headersFile()),
  },
};

export default defineConfig({
  output: 'static',
  integrations: [benchPages, securityHeaders],
  // Relative asset URLs keep the site working under any path a prefecture publishes it at.
  // Pages are written while others render: a national build writes 35,000 of them.
  build: { format: 'directory', concurrency: 4 },
  vite: {
    // DuckDB's wasm is fetched only by its worker (src/client/duckdb-wasm-early.ts).
    // Workers are ES modules so that DuckDB's worker can load its code after it has started.
    worker: { format: 'es', plugins: () => [gzipUrl(), keepDuckDbWorker()] },
    // DuckDB-WASM ships its own workers and wasm; pre-bundling breaks them.
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    ssr: { external: ['@duckdb/node-api'] },
  },
});
