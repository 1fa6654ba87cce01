// The kouchin command line, run as a user runs it, on the fixture data directories.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureDir, ROOT } from './helpers.ts';
import { EXCEL_EXPORT } from './fixtures/excel-export.ts';

const CLI = join(ROOT, 'scripts/kouchin.ts');
const kouchin = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KOUCHIN_LANG: 'en', ...env } });
const KYOTO = fixtureDir('kyoto');

const dir = mkdtempSync(join(tmpdir(), 'kouchin-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A data directory with the 京都府 fixture's plan, municipalities, national averages and map, and the given report files. */
function dataDirectory(name: string, reports: Record<string, string | Uint8Array>, baselines: number[] = []): string {
  const data = join(dir, name);
  mkdirSync(data, { recursive: true });
  // The plan's years to compare with must have data: these directories name only `baselines`.
  const plan = JSON.parse(readFileSync(join(KYOTO, 'plan.json'), 'utf8'));
  writeFileSync(join(data, 'plan.json'), JSON.stringify({ ...plan, baseline_fiscal_years: baselines, wage_band_comparison_fiscal_years: [] }));
  for (const file of ['municipalities.csv', 'national_averages.csv']) cpSync(join(KYOTO, 'reference', file), join(data, 'reference', file), { recursive: true });
  cpSync(join(KYOTO, 'geo'), join(data, 'geo'), { recursive: true });
  mkdirSync(join(data, 'reports'));
  for (const [file, content] of Object.entries(reports)) writeFileSync(join(data, 'reports', file), content);
  return data;
}

describe('kouchin indicators', () => {
  it('--json gives the indicators of the data directory named by --data', () => {
    const result = kouchin(['indicators', '--data', KYOTO, '--json']);
    expect(result.status, result.stderr).toBe(0);
    // Worked out by hand in tests/indicator-sql.test.ts; FY2020 is a published total.
    const none = { work_hours: null, average_hourly_wage_yen: null, facilities_with_hours: 0 };
    expect(JSON.parse(result.stdout)).toEqual([
      { fiscal_year: 2020, basis: 'published', facilities_designated: 7, facilities_reported: 6, reporting_rate_pct: 600 / 7, facilities: 6, person_months: 70, total_wages_yen: 840_000, average_monthly_wage_yen: 12_000, average_monthly_wage_new_yen: null, facilities_new_formula: 0, work_hours: 5_600, average_hourly_wage_yen: 150, facilities_with_hours: 6 },
      { fiscal_year: 2021, basis: 'reports', facilities_designated: 7, facilities_reported: 7, reporting_rate_pct: 100, facilities: 7, person_months: 75, total_wages_yen: 994_993, average_monthly_wage_yen: 13_267, average_monthly_wage_new_yen: null, facilities_new_formula: 0, ...none },
      { fiscal_year: 2022, basis: 'reports', facilities_designated: 7, facilities_reported: 7, reporting_rate_pct: 100, facilities: 7, person_months: 74, total_wages_yen: 761_053, average_monthly_wage_yen: 10_285, average_monthly_wage_new_yen: null, facilities_new_formula: 0, ...none },
      { fiscal_year: 2023, basis: 'reports', facilities_designated: 8, facilities_reported: 8, reporting_rate_pct: 100, facilities: 8, person_months: 87, total_wages_yen: 1_215_117, average_monthly_wage_yen: 13_967, average_monthly_wage_new_yen: 20_789, facilities_new_formula: 4, ...none },
    ]);
    // The published FY2021 totals are what its rows add up to; the one warning is K6, gone in FY2022.
    expect(result.stderr.trim().split('\n')).toEqual([
      '1 warning in the report files:',
      `${join(KYOTO, 'reports', 'fy2022.csv')}:1:2: warning: 1 facility that reported for FY2021 is missing from FY2022 (closed, or left out?): 2610000006 わかば共働舎`,
    ]);
  });

  it('takes the data directory from KOUCHIN_DATA too', () => {
    const result = kouchin(['indicators', '--json'], { KOUCHIN_DATA: fixtureDir('tottori') });
    expect(result.status, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { total_wages_yen: number }[]).map((y) => y.total_wages_yen)).toEqual([565_005, 644_990]);
  });

  it('gives the hourly average and the reporting rate: 広島県 FY2021 as the prefecture published it', () => {
    const result = kouchin(['indicators', '--data', fixtureDir('hiroshima'), '--json']);
    expect(result.status, result.stderr).toBe(0);
    const fy2021 = (JSON.parse(result.stdout) as Record<string, number>[]).find((y) => y.fiscal_year === 2021)!;
    // 対象事業所数 342, 報告事業所数 319, 提出率 93.3%, 5,626,039時間, 17,411.8円, 253.2円
    expect(fy2021).toMatchObject({ facilities_designated: 342, facilities_reported: 319, facilities: 319, person_months: 81_798, work_hours: 5_626_039, total_wages_yen: 1_424_251_305, average_monthly_wage_yen: 17_411.8, average_hourly_wage_yen: 253.2 });
    expect(Math.round(fy2021.reporting_rate_pct! * 10) / 10).toBe(93.3);
    const table = kouchin(['indicators', '--data', fixtureDir('hiroshima')], { KOUCHIN_LANG: 'ja' });
    expect(table.stdout).toContain('17,411.8円');
  });

  it('warns, naming the line, where published totals differ from what the facility rows add up to', () => {
    const data = dataDirectory('published', { 'fy2021.csv': readFileSync(join(KYOTO, 'reports', 'fy2021.csv')) });
    const published = join(data, 'reference', 'published_totals.csv');
    writeFileSync(published, 'fiscal_year,facilities_designated,facilities,person_months,total_wages_yen,work_hours,average_monthly_wage_yen,source\n2021,,7,76,994993,,,test\n');
    const result = kouchin(['indicators', '--data', data, '--json']);
    expect(result.status).toBe(0);
    expect(result.stderr.trim()).toBe(`${published}:2: FY2021 as published: Person-months 76 is not what the facility rows add up to (75)`);
  });

  it('totals a Shift_JIS report with Japanese headers', () => {
    const data = dataDirectory('sjis', { 'fy2019.csv': iconv.encode(EXCEL_EXPORT, 'Shift_JIS') });
    const result = kouchin(['indicators', '--data', data, '--json']);
    expect(result.status, result.stderr).toBe(0);
    // 1,234,567 + 2,000,000 yen over 100 + 150 person-months = 12,938.268 → 12,938
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ fiscal_year: 2019, facilities: 2, person_months: 250, total_wages_yen: 3_234_567, average_monthly_wage_yen: 12_938, average_monthly_wage_new_yen: null }),
    ]);
  });

  it('refuses a data directory with an invalid report, naming the problem', () => {
    const data = dataDirectory('invalid', { 'fy2019.csv': readFileSync(join(ROOT, 'tests/fixtures/invalid/fy2019.csv')) });
    const result = kouchin(['indicators', '--data', data]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('10 errors in the report files:');
    expect(result.stderr).toContain('fy2019.csv:2:1: "office_no": "401010000" cannot be read; expected a 10-digit office number');
  });

  it('groups many errors of one kind, and says the warnings found with them', () => {
    const header = 'office_no,office_name,municipality,opened_on,capacity,total_wages_yen,person_months';
    // 21 facilities whose capacity is not a number (one more than shown in full), and one opened on an Excel serial date.
    const lines = Array.from({ length: 21 }, (_, i) => `${2610000100 + i},f${i},宇治市,2019-04-01,x,100000,10`);
    const data = dataDirectory('grouped', { 'fy2021.csv': [header, ...lines, '2610000200,g,宇治市,43586,20,100000,10'].join('\n') });
    const result = kouchin(['indicators', '--data', data]);
    expect(result.status).toBe(1);
    const file = join(data, 'reports', 'fy2021.csv');
    const out = result.stderr.trim().split('\n');
    expect(out[0]).toBe('21 errors in the report files:');
    expect(out.slice(1, 21)).toEqual(lines.slice(0, 20).map((_, i) => `${file}:${i + 2}:5: "capacity": "x" cannot be read; expected a whole number such as 1234 or 1,234`));
    expect(out.slice(21)).toEqual([
      '  … and 1 more of this kind',
      `every problem, one by one: npx kouchin validate --data ${data} ${file}`,
      '1 warning in the report files:',
      `${file}:23:4: warning: "opened_on" 43586 was read as an Excel serial date, 2019-05-01: please check it`,
    ]);
  });

  it('refuses a plan whose baseline year has no data, rather than drop the column', () => {
    const data = dataDirectory('no-baseline', { 'fy2019.csv': iconv.encode(EXCEL_EXPORT, 'Shift_JIS') }, [2018]);
    const result = kouchin(['indicators', '--data', data]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('plan.json: baseline_fiscal_years names FY2018, which has neither a report file nor published totals (reference/published_totals.csv)');
    expect(kouchin(['indicators', '--data', dataDirectory('baseline', { 'fy2019.csv': iconv.encode(EXCEL_EXPORT, 'Shift_JIS') }, [2019])]).status).toBe(0);
  });

  it('refuses an invalid plan.json with the file and the key, in the chosen language', () => {
    const data = dataDirectory('bad-plan', {});
    const plan = JSON.parse(readFileSync(join(data, 'plan.json'), 'utf8'));
    delete plan.areas;
    writeFileSync(join(data, 'plan.json'), JSON.stringify(plan));
    const result = kouchin(['indicators', '--data', data], { KOUCHIN_LANG: 'ja' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${join(data, 'plan.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: areas: .*配列`));
  });

  it('prints a readable table in the chosen language', () => {
    const ja = kouchin(['indicators', '--data', KYOTO], { KOUCHIN_LANG: 'ja' });
    expect(ja.status).toBe(0);
    expect(ja.stdout).toContain('令和3年度（2021年度）');
    expect(ja.stdout).toContain('13,267円');
    expect(ja.stdout).toContain('平均工賃月額');
    const en = kouchin(['indicators', '--data', KYOTO]);
    expect(en.stdout).toContain('FY2021');
    expect(en.stdout).toContain('¥13,267');
  });
});

describe('kouchin validate', () => {
  it('prints FILE:LINE:COLUMN: message for each problem and exits 1', () => {
    const file = join(ROOT, 'tests/fixtures/invalid/fy2019.csv');
    // Compared with a data directory holding no other year, so only the file's own problems show.
    const result = kouchin(['validate', '--data', dataDirectory('empty', {}), file]);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    // 10 problems of the reader, plus a ¥100 average (1,000 ÷ 10) on the one row it reads.
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe(`${file}:13:2: "office_name" is empty: a value is required`);
    expect(lines[9]).toBe(`${file}:12:6: warning: average monthly wage ¥100 (total_wages_yen ÷ person_months) is outside ¥3,000–¥60,000: check both figures`);
    expect(lines[0]).toBe(`${file}:2:1: "office_no": "401010000" cannot be read; expected a 10-digit office number such as 4010100001`);
    expect(lines[7]).toBe(`${file}:10:3: municipality "架空市" is not in the municipality list (reference/municipalities.csv)`);
    expect(result.stderr).toContain('1 of 11 facility lines read, 10 errors, 1 warning [utf-8]');
    // The same in Japanese.
    const ja = kouchin(['validate', '--data', dataDirectory('empty-ja', {}), file], { KOUCHIN_LANG: 'ja' });
    expect(ja.stdout.trim().split('\n')[9]).toBe(`${file}:12:6: 警告: 平均工賃月額 100 円（total_wages_yen ÷ person_months）が 3,000〜60,000 円の範囲の外です。両方の値を確かめてください`);
    expect(ja.stderr).toContain('事業所の行 11 行のうち 1 行を読み込み、エラー 10 件・警告 1 件 [utf-8]');
    for (const line of lines) expect(line).toMatch(/^.+:\d+:\d+: /);
  });

  it('exits 0 for a valid file; warnings show but fail only with --strict', () => {
    // FY2022 of the fixture against its other years: K6 (2610000006) reported FY2021 and is missing.
    const file = join(KYOTO, 'reports/fy2022.csv');
    const result = kouchin(['validate', '--data', KYOTO, file]);
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      `${file}:1:2: warning: 1 facility that reported for FY2021 is missing from FY2022 (closed, or left out?): 2610000006 わかば共働舎`,
    ]);
    expect(result.stderr).toContain('7 of 7 facility lines read, 0 errors, 1 warning [utf-8]');
    expect(kouchin(['validate', '--strict', '--data', KYOTO, file]).status).toBe(1);
    expect(kouchin(['validate', '--strict', '--data', KYOTO, join(KYOTO, 'reports/fy2023.csv')]).status).toBe(0);
  });

  it('fails a clean file when the data directory with it would lack a year the plan names, as the build would', () => {
    const header = 'office_no,office_name,municipality,opened_on,capacity,total_wages_yen,person_months';
    const file = join(dir, 'fy2021.csv');
    writeFileSync(file, `${header}\n2610000001,a,宇治市,2019-04-01,20,100000,10\n`);
    // The plan's baseline, FY2020, has neither a report file nor published totals.
    const result = kouchin(['validate', '--data', dataDirectory('validate-no-baseline', {}, [2020]), file]);
    expect(result.status).toBe(1);
    expect(result.stdout.trim()).toBe('plan.json: baseline_fiscal_years names FY2020, which has neither a report file nor published totals (reference/published_totals.csv)');
    // The checked file itself may be of that year.
    const baseline = join(dir, 'fy2020.csv');
    writeFileSync(baseline, `${header}\n2610000001,a,宇治市,2019-04-01,20,100000,10\n`);
    expect(kouchin(['validate', '--data', dataDirectory('no-baseline-2', {}, [2020]), baseline]).status).toBe(0);
  });

  it('does not count as read the lines of facilities that another file of the year holds', () => {
    const header = 'office_no,office_name,municipality,opened_on,capacity,total_wages_yen,person_months';
    const line = (n: number) => `${2610000000 + n},f${n},宇治市,2019-04-01,20,100000,10`;
    const [north, south] = [join(dir, 'fy2021-north.csv'), join(dir, 'fy2021-south.csv')];
    writeFileSync(north, [header, line(1), line(2), line(3)].join('\n'));
    writeFileSync(south, [header, line(2), line(3), line(4)].join('\n'));
    const result = kouchin(['validate', '--data', dataDirectory('overlap', {}), north, south]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${north}: 3 of 3 facility lines read, 0 errors`);
    expect(result.stderr).toContain(`${south}: 1 of 3 facility lines read, 1 error`);
  });

  it('normalize writes the canonical CSV a data directory holds', () => {
    const out = join(dir, 'normalized.csv');
    const data = join(dir, 'fy2019.csv');
    writeFileSync(data, iconv.encode(EXCEL_EXPORT, 'Shift_JIS'));
    const result = kouchin(['normalize', '--data', KYOTO, data, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe([
      'fiscal_year,office_no,office_name,office_name_kana,corporation_name,municipality,municipality_code,area,submitted,opened_on,capacity,total_wages_yen,person_months,work_hours,user_days,open_days,own_business,contract_work,agri_welfare,sales_yen,main_work',
      '2019,4010100001,ひまわり作業所,,,宇治市,26204,山城北,true,2019-05-01,20,1234567,100,,,,1,0,0,,',
      '2019,4010100002,"さくら工房,第二",,,京都市左京区,26103,京都・乙訓,true,2017-04-01,20,2000000,150,,,,1,2,1,,',
      '',
    ].join('\n'));
    expect(kouchin(['normalize', '--data', KYOTO, join(ROOT, 'tests/fixtures/invalid/fy2019.csv'), '--out', join(dir, 'bad.csv')]).status).toBe(1);
  });

  it('reports a file it cannot read', () => {
    const result = kouchin(['validate', '--data', KYOTO, join(dir, 'missing.csv')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('missing.csv:1:1: cannot read the file (ENOENT)');
  });

  it('explains its usage when called wrongly', () => {
    const result = kouchin(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage:');
  });
});

describe('the language of kouchin', () => {
  it('--help prints the usage on stdout in the chosen language, naming --lang and KOUCHIN_LANG', () => {
    const ja = kouchin(['--help'], { KOUCHIN_LANG: 'ja' });
    expect(ja.status).toBe(0);
    expect(ja.stdout.split('\n')[0]).toBe('使い方:');
    expect(ja.stdout).toContain('--lang ja|en: メッセージの言語。既定は KOUCHIN_LANG');
    const en = kouchin(['validate', '--help']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('--lang ja|en: the language of messages; default KOUCHIN_LANG');
  });

  it('--lang chooses the language over KOUCHIN_LANG, and a locale name such as ja_JP.UTF-8 names one', () => {
    const file = join(dir, 'lang-missing.csv');
    expect(kouchin(['validate', '--lang', 'ja', '--data', KYOTO, file]).stderr).toContain('lang-missing.csv:1:1: ファイルを読めません（ENOENT）');
    expect(kouchin(['validate', '--data', KYOTO, file, '--lang=ja']).stderr).toContain('ファイルを読めません');
    expect(kouchin(['validate', '--data', KYOTO, file], { KOUCHIN_LANG: 'ja_JP.UTF-8' }).stderr).toContain('ファイルを読めません');
    expect(kouchin(['validate', '--data', KYOTO, file], { KOUCHIN_LANG: 'EN' }).stderr).toContain('cannot read the file (ENOENT)');
  });

  it('a language it does not have is one line in the system language and exit 2, not a crash', () => {
    for (const [env, expected] of [
      [{ KOUCHIN_LANG: 'fr', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' }, 'KOUCHIN_LANG=fr is not a language of kouchin: use one of ja, en'],
      [{ KOUCHIN_LANG: 'fr', LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '' }, 'KOUCHIN_LANG=fr は使えません。言語は ja, en のどれかを指定してください'],
    ] as const) {
      const result = kouchin(['validate', '--data', KYOTO, 'x.csv'], env);
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe(expected);
    }
    const system = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    expect(kouchin(['indicators', '--lang', 'de'], system).stderr.trim()).toBe('--lang de is not a language of kouchin: use one of ja, en');
    // --lang with nothing after it, or nothing after its =.
    for (const args of [['validate', 'x.csv', '--lang'], ['validate', '--lang=', 'x.csv']]) {
      const result = kouchin(args, system);
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe('--lang needs a language after it: one of ja, en');
    }
    // Said in KOUCHIN_LANG's language where that is one of ours.
    expect(kouchin(['validate', '--lang', 'de', 'x.csv'], { ...system, KOUCHIN_LANG: 'ja' }).stderr.trim()).toBe('--lang de は使えません。言語は ja, en のどれかを指定してください');
  });

  it('an unknown option is named in the chosen language, with the usage', () => {
    const result = kouchin(['validate', '--bogus', 'x.csv', '--lang', 'ja']);
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n').slice(0, 2)).toEqual(['オプション --bogus はこのコマンドにはありません', '使い方:']);
  });
});
