#!/usr/bin/env node
// kouchin: the command line of the wage dashboard.
//
//   kouchin indicators [--data DIR] [--json]        per-fiscal-year indicators
//   kouchin validate [--strict] [--data DIR] FILE…  FILE:LINE:COLUMN: message per problem
//   kouchin normalize [--data DIR] IN --out OUT     the canonical UTF-8 CSV of a report file
//   kouchin template [--data DIR] --out FILE        the blank report form (.xlsx or .csv)
//
// DIR is a data directory (plan.json, reference/, reports/); without --data, KOUCHIN_DATA or
// data/. Messages are in Japanese or English (--lang, else KOUCHIN_LANG, else the system's locale).

import { enableCompileCache, getCompileCacheDir } from 'node:module';

// Node keeps the modules it compiles between runs (its compile cache, under the system's
// temporary directory): a run starts about 0.2 s sooner, and so does each thread reading a large
// file, which finds the cache in the environment. The commands are imported once it is on.
enableCompileCache();
const cache = getCompileCacheDir();
if (cache !== undefined) process.env.NODE_COMPILE_CACHE ??= cache;
await import('./kouchin-commands.ts');
