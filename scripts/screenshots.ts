#!/usr/bin/env node
// Screenshots of every built page at phone (360 px) and desktop (1280 px) widths, with
// JavaScript on and off, into .cache/screenshots/. Run after `npm run build`.

import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launchChromium, serveDist } from '../src/lib/node/chromium.ts';

function pagesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pagesIn(path);
    return name === 'index.html' ? [relative('dist', dir)] : [];
  });
}

const out = '.cache/screenshots';
mkdirSync(out, { recursive: true });
const server = await serveDist();
const browser = await launchChromium();
try {
  for (const page of pagesIn('dist')) {
    for (const width of [360, 1280]) {
      for (const javaScriptEnabled of [true, false]) {
        const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled });
        const tab = await context.newPage();
        await tab.goto(new URL(page ? `${page}/` : '', server.url).href);
        const file = join(out, `${(page || 'index').replaceAll('/', '_')}-${width}${javaScriptEnabled ? '' : '-nojs'}.png`);
        await tab.screenshot({ path: file, fullPage: true });
        console.log(file);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
