// Reading the project's data folder from Node: plan config, reference tables, report files.

import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { checkPlan, type PlanConfig } from '../plan.ts';
import { readReport, type Municipality, type ReportFile } from '../reader/read-report.ts';

export interface ProjectPaths {
  /** Folder holding plan.json and reference/. */
  dataDir: string;
  /** Folder of fyYYYY.csv report files. */
  reportsDir: string;
  /** Folder of the indicator SQL (src/lib/sql). */
  sqlDir: string;
}

export function projectPaths(root: string, reportsDir?: string): ProjectPaths {
  const dataDir = resolve(root, 'data');
  return {
    dataDir,
    reportsDir: reportsDir ? resolve(reportsDir) : join(dataDir, 'reports'),
    sqlDir: resolve(root, 'src', 'lib', 'sql'),
  };
}

export const readText = (path: string) => readFileSync(path, 'utf8');

export function loadPlan(dataDir: string): PlanConfig {
  const path = join(dataDir, 'plan.json');
  return checkPlan(JSON.parse(readText(path)), path);
}

export function loadMunicipalities(dataDir: string): Municipality[] {
  return Papa.parse<Municipality>(readText(join(dataDir, 'reference', 'municipalities.csv')), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

/** Every *.csv in the folder, in name order. */
export function reportFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort()
    .map((f) => join(dir, f));
}

export function readReportFiles(paths: string[], municipalities: Municipality[]): ReportFile[] {
  return paths.map((path) => readReport(new Uint8Array(readFileSync(path)), path, { municipalities }));
}
