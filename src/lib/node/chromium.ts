// Launching Debian's Chromium through playwright-core (its own browser download is not
// used), and serving the built site on 127.0.0.1 for tests, screenshots and benchmarks.

import { existsSync } from 'node:fs';
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

/** Serves dist/ (run `astro build` first) with `astro preview`, which answers Range requests. */
export async function serveDist(root = process.cwd(), outDir = 'dist'): Promise<SiteServer> {
  if (!existsSync(`${root}/${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run "npm run build" first`);
  const server = await preview({ root, outDir, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  return { url: `http://127.0.0.1:${server.port}/`, stop: () => server.stop() };
}
