// The kouchin command line, run as a user runs it.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';
import { EXCEL_EXPORT } from './fixtures/excel-export.ts';

const CLI = join(ROOT, 'scripts/kouchin.ts');
const kouchin = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

const dir = mkdtempSync(join(tmpdir(), 'kouchin-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kouchin indicators', () => {
  it('--json reproduces 図表6 from the shipped data', () => {
    const result = kouchin('indicators', '--json');
    expect(result.status, result.stderr).toBe(0);
    const years = JSON.parse(result.stdout) as Record<string, number | null>[];
    const pick = (fy: number) => years.find((y) => y.fiscal_year === fy);
    expect(pick(2006)).toMatchObject({ facilities: 193, person_months: 67_850, total_wages_yen: 791_398_746, average_monthly_wage_yen: 11_664 });
    expect(pick(2017)).toMatchObject({ facilities: 464, person_months: 100_539, total_wages_yen: 1_391_557_260, average_monthly_wage_yen: 13_841 });
    expect(pick(2019)).toMatchObject({ facilities: 503, person_months: 117_135, total_wages_yen: 1_665_122_838, average_monthly_wage_yen: 14_215 });
    for (const y of years) expect(Object.keys(y)).toEqual(expect.arrayContaining(['fiscal_year', 'facilities', 'person_months', 'total_wages_yen', 'average_monthly_wage_yen', 'average_monthly_wage_new_yen']));
  });

  it('--data DIR totals a Shift_JIS report with Japanese headers', () => {
    const data = join(dir, 'sjis');
    mkdirSync(data);
    writeFileSync(join(data, 'fy2019.csv'), iconv.encode(EXCEL_EXPORT, 'Shift_JIS'));
    const result = kouchin('indicators', '--data', data, '--json');
    expect(result.status, result.stderr).toBe(0);
    // 1,234,567 + 2,000,000 yen over 100 + 150 person-months = 12,938.268 → 12,938
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ fiscal_year: 2019, facilities: 2, person_months: 250, total_wages_yen: 3_234_567, average_monthly_wage_yen: 12_938, average_monthly_wage_new_yen: null }),
    ]);
  });

  it('refuses a folder with an invalid report, naming the problem', () => {
    const result = kouchin('indicators', '--data', join(ROOT, 'tests/fixtures/invalid'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('fy2019.csv:2:1: 事業所番号 (office_no): expected a 10-digit office number');
  });

  it('prints a readable table by default', () => {
    const result = kouchin('indicators');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('令和元年度（2019年度）');
    expect(result.stdout).toContain('14,215円');
  });
});

describe('kouchin validate', () => {
  it('prints FILE:LINE:COLUMN: message for each problem and exits 1', () => {
    const file = join(ROOT, 'tests/fixtures/invalid/fy2019.csv');
    const result = kouchin('validate', file);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe(`${file}:2:1: 事業所番号 (office_no): expected a 10-digit office number such as 4010100001, got "401010000"`);
    expect(lines[7]).toBe(`${file}:10:3: warning: 市町村 (municipality) "架空市" is not in the municipality list: its area and code stay empty`);
    for (const line of lines) expect(line).toMatch(/^.+:\d+:\d+: /);
  });

  it('exits 0 for valid files', () => {
    const result = kouchin('validate', join(ROOT, 'data/reports/fy2019.csv'), join(ROOT, 'data/reports/fy2023.csv'));
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('accepts the example file of docs/data-format.md', () => {
    const result = kouchin('validate', join(ROOT, 'docs/fy2023-example.csv'));
    expect(result.status, result.stdout).toBe(0);
    expect(result.stderr).toContain('2 facilities read, 0 error(s), 0 warning(s) [utf-8]');
  });

  it('reports a file it cannot read', () => {
    const result = kouchin('validate', join(dir, 'missing.csv'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('missing.csv:1:1: cannot read the file (ENOENT)');
  });

  it('explains its usage when called wrongly', () => {
    const result = kouchin('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage:');
  });
});
