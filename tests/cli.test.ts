// The kouchin command line, run as a user runs it.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    // Compared with a folder holding no other year, so only the file's own problems show.
    const result = kouchin('validate', '--data', join(ROOT, 'tests/fixtures/invalid'), file);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    // 10 problems of the reader, plus ¥100 averages (1,000 ÷ 10) on the two rows it reads.
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe(`${file}:13:2: 事業所名 (office_name) is empty: a value is required`);
    expect(lines[8]).toBe(`${file}:10:6: warning: average monthly wage ¥100 (工賃支払総額 ÷ 延べ人数) is outside ¥3,000–¥60,000: check both figures`);
    expect(lines[0]).toBe(`${file}:2:1: 事業所番号 (office_no): expected a 10-digit office number such as 4010100001, got "401010000"`);
    expect(lines[7]).toBe(`${file}:10:3: warning: 市町村 (municipality) "架空市" is not in the municipality list: its area and code stay empty`);
    for (const line of lines) expect(line).toMatch(/^.+:\d+:\d+: /);
  });

  it('exits 0 for valid files; warnings show but fail only with --strict', () => {
    const result = kouchin('validate', join(ROOT, 'data/reports/fy2019.csv'), join(ROOT, 'data/reports/fy2023.csv'));
    expect(result.status, result.stdout).toBe(0);
    // The sample panel closes a few facilities each year: FY2023 misses some FY2022 offices.
    const warnings = result.stdout.trim().split('\n');
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w).toMatch(/fy20(19|23)\.csv:1:2: warning: 事業所番号 \(office_no\) \d{10} .* is missing from FY20(19|23)/);
    expect(kouchin('validate', '--strict', join(ROOT, 'data/reports/fy2023.csv')).status).toBe(1);
  });

  it('normalize writes the canonical CSV that data/reports holds', () => {
    const out = join(dir, 'normalized.csv');
    const data = join(dir, 'fy2019.csv');
    writeFileSync(data, iconv.encode(EXCEL_EXPORT, 'Shift_JIS'));
    const result = kouchin('normalize', data, '--out', out);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe([
      'fiscal_year,office_no,office_name,corporation_name,municipality,municipality_code,area,opened_on,capacity,total_wages_yen,person_months,user_days,open_days,own_business,contract_work,agri_welfare,sales_yen,main_work',
      '2019,4010100001,ひまわり作業所,,久留米市,40203,筑後,2019-05-01,20,1234567,100,,,1,0,0,,',
      '2019,4010100002,"さくら工房,第二",,北九州市小倉北区,40106,北九州,2017-04-01,20,2000000,150,,,1,2,1,,',
      '',
    ].join('\n'));
    expect(kouchin('normalize', join(ROOT, 'tests/fixtures/invalid/fy2019.csv'), '--out', join(dir, 'bad.csv')).status).toBe(1);
  });

  it('accepts the example file of docs/data-format.md', () => {
    const result = kouchin('validate', '--data', join(ROOT, 'docs'), join(ROOT, 'docs/fy2023-example.csv'));
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
