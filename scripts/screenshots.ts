#!/usr/bin/env node
// Screenshots of every built page at phone (360 px) and desktop (1280 px) widths, with
// JavaScript on and off, into .cache/screenshots/NAME/. Run after a build:
//
//   node scripts/screenshots.ts [OUT_DIR]      OUT_DIR: a build output, dist by default
//                                              (the tests build fixture sites into .cache/sites/*)

import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { launchChromium, serveDist } from '../src/lib/node/chromium.ts';

const outDir = process.argv[2] ?? 'dist';

function pagesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pagesIn(path);
    return name === 'index.html' ? [relative(outDir, dir)] : [];
  });
}

const out = join('.cache', 'screenshots', basename(outDir));
mkdirSync(out, { recursive: true });
const server = await serveDist(process.cwd(), outDir);
const browser = await launchChromium();
try {
  for (const page of pagesIn(outDir)) {
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
