// @ts-check
import { defineConfig } from 'astro/config';

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

export default defineConfig({
  output: 'static',
  integrations: [benchPages],
  // Relative asset URLs keep the site working under any path a prefecture publishes it at.
  build: { format: 'directory' },
  vite: {
    // DuckDB-WASM ships its own workers and wasm; pre-bundling breaks them.
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    ssr: { external: ['@duckdb/node-api'] },
  },
});
