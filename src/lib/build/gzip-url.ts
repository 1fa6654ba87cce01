// A Vite plugin: `import url from 'file.wasm?gzip-url'` emits the file gzip-compressed
// (`file.wasm.HASH.gz`) in a build and gives its URL; the dev server serves it as it is.
// DuckDB's wasm is 34 MB, over the 25 MiB per-file limit of common static hosts; gzipped it
// is about 7.6 MB, and the browser inflates it with DecompressionStream (src/client/duckdb-wasm-early.ts).

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { gzip, constants } from 'node:zlib';
import type { Plugin } from 'vite';

const SUFFIX = '?gzip-url';
const PREFIX = '\0gzip-url:';

export function gzipUrl(): Plugin {
  let serving = false;
  return {
    name: 'kouchin-gzip-url',
    enforce: 'pre',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    async resolveId(id, importer) {
      if (!id.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(id.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return resolved ? PREFIX + resolved.id : null;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length);
      if (serving) return `export { default } from ${JSON.stringify(`${file}?url`)};`;
      const source = await promisify(gzip)(await readFile(file), { level: constants.Z_BEST_COMPRESSION });
      const ref = this.emitFile({ type: 'asset', name: `${basename(file)}.gz`, source });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}

/**
 * DuckDB-WASM's package says it has no side effects, but its worker file is nothing else:
 * imported for its effect (src/client/duckdb-worker.ts), it must not be dropped.
 */
export function keepDuckDbWorker(): Plugin {
  return {
    name: 'kouchin-keep-duckdb-worker',
    enforce: 'pre',
    async resolveId(id, importer) {
      if (!id.endsWith('/duckdb-browser-eh.worker.js')) return null;
      const resolved = await this.resolve(id, importer, { skipSelf: true });
      return resolved ? { ...resolved, moduleSideEffects: true } : null;
    },
  };
}
