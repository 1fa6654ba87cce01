// Launching Debian's Chromium through playwright-core (its own browser download is not
// used), and serving the built site on 127.0.0.1 for tests, screenshots and benchmarks.

import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { preview } from 'astro';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

export interface SiteServer {
  url: string;
  stop(): Promise<void>;
}

/** The headers `_headers` gives every path (`/*`), as a host that reads the file sends them. */
export function headersFor(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const headers: Record<string, string> = {};
  let all = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!/^\s/.test(line)) all = line.trim() === '/*';
    else if (all && line.includes(':')) headers[line.slice(0, line.indexOf(':')).trim()] = line.slice(line.indexOf(':') + 1).trim();
  }
  return headers;
}

/**
 * Serves dist/ (run `astro build` first) with `astro preview`, which answers Range requests,
 * sending the headers of the build's `_headers` like a static host would.
 */
export async function serveDist(root = process.cwd(), outDir = 'dist'): Promise<SiteServer> {
  if (!existsSync(`${root}/${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run "npm run build" first`);
  const headers = headersFor(`${root}/${outDir}/_headers`);
  const server = await preview({ root, outDir, logLevel: 'error', server: { host: '127.0.0.1', port: 0, headers } });
  return { url: `http://127.0.0.1:${server.port}/`, stop: () => server.stop() };
}
