// The data directory's own files: plan.json against its schema (errors name the file, the
// key and what was expected, in Japanese or English), the bands and groups it resolves to,
// and municipalities.csv's checks.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../src/lib/data-error.ts';
import { loadDataDirectory, projectPaths } from '../src/lib/node/project.ts';
import { sourceNotes } from '../src/lib/figures/common.ts';
import { dayInJapan, figureNumber, prefectureAverageLabel, prefectureName, resolvePlan } from '../src/lib/plan.ts';
import { rolledUpCities } from '../src/lib/reference.ts';
import { en, fixtureDir, fixturePaths, ja, ROOT } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'kouchin-plan-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the 京都府 fixture with its plan.json and municipalities.csv changed. */
function variant(name: string, change: { plan?: (plan: Record<string, any>) => unknown; municipalities?: (csv: string) => string }) {
  const dir = join(work, name);
  cpSync(fixtureDir('kyoto'), dir, { recursive: true });
  if (change.plan) {
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
    const result = change.plan(plan);
    writeFileSync(join(dir, 'plan.json'), typeof result === 'string' ? result : JSON.stringify(result ?? plan));
  }
  if (change.municipalities) {
    const path = join(dir, 'reference', 'municipalities.csv');
    writeFileSync(path, change.municipalities(readFileSync(path, 'utf8')));
  }
  return { paths: projectPaths(ROOT, dir), planPath: join(dir, 'plan.json'), csvPath: join(dir, 'reference', 'municipalities.csv') };
}

function errorOf(load: () => unknown): string {
  try {
    load();
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return (e as Error).message;
  }
  throw new Error('expected a DataError');
}

describe('plan.json', () => {
  it('resolves the plan’s bands and opening-year groups, labelled in every language', () => {
    const { plan } = loadDataDirectory(fixturePaths('kyoto'), 'en');
    expect(plan.wage_bands.map((b) => [b.band_no, b.lower_yen, b.upper_yen, b.label.ja, b.label.en])).toEqual([
      [1, 0, 3_000, '3千円未満', 'Under ¥3,000'],
      [2, 3_000, 5_000, '3千円以上5千円未満', '¥3,000 to under ¥5,000'],
      [3, 5_000, 10_000, '5千円以上10千円未満', '¥5,000 to under ¥10,000'],
      [4, 10_000, 15_000, '10千円以上15千円未満', '¥10,000 to under ¥15,000'],
      [5, 15_000, 20_000, '15千円以上20千円未満', '¥15,000 to under ¥20,000'],
      [6, 20_000, 30_000, '20千円以上30千円未満', '¥20,000 to under ¥30,000'],
      [7, 30_000, null, '30千円以上', '¥30,000 and over'],
    ]);
    expect(plan.opening_groups.map((g) => [g.first_year, g.last_year, g.label.ja, g.label.en])).toEqual([
      [1, 1, '1年目', 'Year 1'], [2, 2, '2年目', 'Year 2'], [3, 3, '3年目', 'Year 3'], [4, null, '4年目以降', 'Year 4 or later'],
    ]);
  });

  it('says with every figure when the data was compiled, who publishes it and where the plan is', () => {
    const kyoto = loadDataDirectory(fixturePaths('kyoto'), 'en').plan;
    expect(sourceNotes(kyoto, ja).slice(1, 3)).toEqual(['更新日：2024年3月29日・公表：テスト府 障害者支援課', '計画：https://example.org/kouchin/plan.pdf']);
    expect(sourceNotes(kyoto, en).slice(1, 3)).toEqual(['Updated March 29, 2024; published by Disability Support Division (test)', 'The plan: https://example.org/kouchin/plan.pdf']);
    // Without a date of its own, the site says the day it was built (作成日); without a publisher, none is named.
    const { data_updated_on: _, publisher: __, plan_url: ___, ...bare } = kyoto;
    const built = resolvePlan(bare, { ja, en }, '2026-04-01');
    expect(sourceNotes(built, ja).slice(1)).toEqual(['作成日：2026年4月1日', 'サンプルデータ：生成した架空の事業所データによる数値です。']);
    expect(sourceNotes(built, en)[1]).toBe('Built April 1, 2026');
    // The build day is Japan's: 2026-03-31 23:30 UTC is already 1 April there.
    expect(dayInJapan(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
  });

  it('names the prefecture by its suffix, and numbers only the views the plan numbers', () => {
    const kyoto = loadDataDirectory(fixturePaths('kyoto'), 'en').plan;
    const tottori = loadDataDirectory(fixturePaths('tottori'), 'en').plan;
    expect([prefectureName(kyoto, ja), prefectureName(kyoto, en), prefectureAverageLabel(kyoto, ja), prefectureAverageLabel(tottori, ja)])
      .toEqual(['京都府', 'Kyoto Prefecture', '府平均', '県平均']);
    expect([figureNumber(kyoto, 'wage_bands', ja), figureNumber(kyoto, 'activities', ja), figureNumber(tottori, 'wage_bands', en)]).toEqual(['図表3', null, null]);
  });

  it('names the file, the key and what was expected when a key is missing, in Japanese or English', () => {
    const { paths, planPath } = variant('missing-target', { plan: (p) => void delete p.phases[1].targets[0].average_monthly_wage_yen });
    const jaMessage = errorOf(() => loadDataDirectory(paths, 'ja'));
    const enMessage = errorOf(() => loadDataDirectory(paths, 'en'));
    expect(jaMessage.startsWith(`${planPath}: phases.1.targets.0.average_monthly_wage_yen: `)).toBe(true);
    expect(jaMessage).toContain('数値');
    expect(enMessage.startsWith(`${planPath}: phases.1.targets.0.average_monthly_wage_yen: `)).toBe(true);
    expect(enMessage).toContain('expected number');
  });

  it('shows the value found, and says what is wrong with wage band edges out of order', () => {
    const { paths, planPath } = variant('edges', { plan: (p) => void (p.wage_band_edges_yen = [5_000, 3_000]) });
    expect(errorOf(() => loadDataDirectory(paths, 'ja'))).toBe(`${planPath}: wage_band_edges_yen: 工賃区分の境界は小さい順に、重複なく並べてください（値：[5000,3000]）`);
    expect(errorOf(() => loadDataDirectory(paths, 'en'))).toBe(`${planPath}: wage_band_edges_yen: wage band edges must be increasing, each once (got [5000,3000])`);
  });

  it('refuses a misspelt key instead of ignoring it, and a file that is not JSON', () => {
    const typo = variant('typo', { plan: (p) => void (p.wage_band_edge_yen = [1]) });
    expect(errorOf(() => loadDataDirectory(typo.paths, 'en'))).toContain('wage_band_edge_yen');
    const broken = variant('broken', { plan: () => '{ "id": ' });
    expect(errorOf(() => loadDataDirectory(broken.paths, 'en'))).toMatch(new RegExp(`^${broken.planPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not readable as JSON: `));
  });

  it('says which file is missing', () => {
    expect(errorOf(() => loadDataDirectory(projectPaths(ROOT, join(work, 'nowhere')), 'en'))).toBe(`${join(work, 'nowhere', 'plan.json')}: the file is missing`);
  });
});

describe('municipalities.csv', () => {
  it('tells which designated cities’ wards are rolled up, from the list itself', () => {
    expect(rolledUpCities(loadDataDirectory(fixturePaths('kyoto'), 'en').municipalities).map((m) => m.name)).toEqual(['京都市']);
    expect(rolledUpCities(loadDataDirectory(fixturePaths('tottori'), 'en').municipalities)).toEqual([]);
  });

  it('names the line of an area the plan does not have, a code given twice and a missing roll-up city', () => {
    const { paths, csvPath } = variant('municipalities', {
      municipalities: (csv) => csv
        .replace('26204,宇治市,Uji City,宇治市,山城北', '26204,宇治市,Uji City,宇治市,山城中部')
        .replace('26205,宮津市', '26204,宮津市')
        .replace('26100,京都市,Kyoto City,京都市,京都・乙訓\n', ''),
    });
    // The city row is gone, so every line moves up one: 宇治市 is line 16, 宮津市 line 17.
    expect(errorOf(() => loadDataDirectory(paths, 'en')).split('\n')).toEqual([
      ...Array.from({ length: 11 }, (_, i) => `${csvPath}:${i + 2}: the municipality it rolls up into, "京都市", is not in this list`),
      `${csvPath}:16: area "山城中部" is not among the areas of plan.json (丹後, 中丹, 南丹, 京都・乙訓, 山城北, 山城南)`,
      `${csvPath}:17: municipality code 26204 is also on line 16`,
    ]);
  });
});
