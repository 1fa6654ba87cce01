// What the built sites say, read from their files: every site speaks only of its own plan
// (no other prefecture's places, no figure number its plan does not give), and the fixture
// sites word their own bands, groups and prefecture, with the numbers of their reports.
// The sites are built by build-sites.ts (fixtures) and `npm test` (dist/).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataDirectory } from '../../src/lib/node/project.ts';
import { ROOT } from '../helpers.ts';
import { SITES, type BuiltSite } from './sites.ts';

/** The text files of a built site: pages, downloads, published data. */
function siteFiles(site: BuiltSite): Map<string, string> {
  const root = join(ROOT, site.outDir);
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(html|csv|svg|json)$/.test(name)) files.set(path.slice(root.length + 1), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

/** The names a data directory's site may show: prefecture, title, areas, municipalities, figure numbers. */
function namesOf(site: BuiltSite): Set<string> {
  const { plan, municipalities } = loadDataDirectory(site.paths, 'en');
  return new Set([
    plan.prefecture.name.ja, plan.prefecture.name.en, plan.title.ja, plan.title.en,
    ...plan.areas.flatMap((a) => [a.name, a.ja, a.en]),
    ...municipalities.flatMap((m) => [m.name, m.name_en, m.municipality]),
    ...Object.values(plan.figure_numbers).flatMap((n) => [n.ja, n.en]),
  ]);
}

const page = (files: Map<string, string>, path: string) => {
  const html = files.get(path);
  if (html === undefined) throw new Error(`no ${path}`);
  return html;
};
/** The visible text of a page: markup and the embedded scripts' data dropped. */
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe.each(SITES)('site $name', (site) => {
  it('names no place or figure number of another plan', () => {
    const own = namesOf(site);
    const ownDir = site.paths.dataDir;
    const foreign = new Set(SITES.filter((s) => s.paths.dataDir !== ownDir).flatMap((s) => [...namesOf(s)]).filter((n) => !own.has(n) && ![...own].some((o) => o.includes(n))));
    // A plan without figure numbers shows none at all.
    const { plan } = loadDataDirectory(site.paths, 'en');
    const numbered = Object.keys(plan.figure_numbers).length > 0;
    const found: string[] = [];
    for (const [file, content] of siteFiles(site)) {
      for (const name of foreign) if (content.includes(name)) found.push(`${file}: ${name}`);
      if (!numbered && /図表 ?\d|Figures? \d/.test(content)) found.push(`${file}: a figure number`);
    }
    expect(found).toEqual([]);
  });
});

describe('the 京都府 fixture site', () => {
  const files = siteFiles(SITES.find((s) => s.name === 'kyoto')!);

  it('words its own bands, opening-year groups, prefecture and figure number', () => {
    expect(text(page(files, 'wage-bands/index.html'))).toContain('事業所ごとの平均工賃月額を7つの区分に分け');
    expect(text(page(files, 'en/wage-bands/index.html'))).toContain('into 7 bands');
    expect(text(page(files, 'opening-years/index.html'))).toContain('開所後1〜3年目の事業所と4年目以降の事業所で');
    // The phase the latest year (FY2023) is in: 第1期, whose last target is ¥15,000.
    expect(text(page(files, 'goal/index.html'))).toContain('第1期（令和3年度〜令和5年度）の目標：令和5年度に府平均工賃月額 15,000円（旧算定式）');
    expect(page(files, 'areas/index.html')).toContain('府平均');
    expect(page(files, 'areas/index.html')).not.toContain('県平均');
    // The plan numbers only its wage-band view.
    expect(text(page(files, 'wage-bands/index.html'))).toContain('平均工賃月額別の事業所分布（図表3）');
    expect(text(page(files, 'activities/index.html'))).not.toContain('図表');
    // Wards are rolled up into the city, as municipalities.csv says.
    expect(text(page(files, 'areas/index.html'))).toContain('京都市は区の事業所を市にまとめています。');
  });

  it('marks the year that comes from published totals, and gives it no page of its own', () => {
    expect(text(page(files, 'years/index.html'))).toContain('令和2年度（2020年度）（公表値）');
    expect(files.has('years/fy2020/index.html')).toBe(false);
    expect(text(page(files, 'index.html'))).toContain('「公表値」と記した令和2年度は事業所別の報告がないため、公表された集計値を示しています。出典：テスト用の公表値（事業所別の報告なし）。');
    // English pages name the source in English (published_totals.csv's source_en), and the
    // legend says what the hollow point stands for.
    const en = text(page(files, 'en/index.html'));
    expect(en).toContain('Source: Published totals made up for tests (no facility rows).');
    expect(en).toContain('Year from published totals (no facility rows)');
    expect(en).not.toContain('テスト用の公表値');
  });

  it('shows the report’s numbers and English names on English pages', () => {
    // Worked out by hand in tests/indicator-sql.test.ts.
    expect(text(page(files, 'index.html'))).toContain('平均工賃月額（旧算定式） 13,967円');
    const areas = text(page(files, 'en/areas/index.html'));
    expect(areas).toContain('Kyoto City');
    expect(areas).toContain('Nagaokakyo City');
    expect(areas).not.toContain('京都市');
    // Areas in the plan's order, not in character order: 丹後, 中丹, 南丹, 京都・乙訓, 山城北, 山城南.
    const table = page(files, 'downloads/ja/areas.csv').split('\r\n').slice(1, -1).map((line) => line.split(',')[0]);
    expect(table).toEqual(['丹後', '中丹', '南丹', '京都・乙訓', '山城北', '山城南']);
  });

  it('draws and tables the national average only over the prefecture’s own years', () => {
    const csv = page(files, 'downloads/en/average-wage-trend.csv');
    // FY2020 comes from published totals; the prefecture's years start there. The year leads as a number, then its label.
    const rows = csv.split('\r\n').slice(1, -1).map((line) => line.split(','));
    expect(rows.map((r) => r[0])).toEqual(['2020', '2021', '2022', '2023']);
    expect(rows.map((r) => r[1])).toEqual(['FY2020 (published)', 'FY2021', 'FY2022', 'FY2023']);
    const chart = page(files, 'downloads/en/average-wage-trend.svg');
    for (const year of [2020, 2021, 2022, 2023]) expect(chart).toContain(`>${year}<`);
    expect(chart).not.toMatch(/>20(0\d|1\d)</);
  });
});

describe('the 広島県 fixture site', () => {
  const files = siteFiles(SITES.find((s) => s.name === 'hiroshima')!);

  it('shows FY2021 as the prefecture published it: reporting rate, one-decimal averages, per hour', () => {
    // 対象事業所数 342, 報告事業所数 319, 提出率 93.3%, 平均工賃（月額）17,411.8円, 平均工賃（時間額）253.2円
    const ja = text(page(files, 'years/fy2021/index.html'));
    for (const shown of ['対象 342・報告 319（提出率 93.3%）', '平均工賃月額（旧算定式） 17,411.8円', '平均工賃時間額 253.2円', '319事業所・5,626,039時間']) expect(ja).toContain(shown);
    const en = text(page(files, 'en/years/fy2021/index.html'));
    for (const shown of ['319 of 342 reported (93.3%)', '¥17,411.8', 'Average hourly wage ¥253.2']) expect(en).toContain(shown);
    // The plan's yearly targets, each with its hourly target, in the formula they are set in.
    const goal = text(page(files, 'goal/index.html'));
    expect(goal).toContain('第4期（令和3年度〜令和5年度） R3（2021） 旧算定式 17,500.0円 250.0円 17,411.8円 253.2円');
  });

  it('lists the reporting rate and the hourly wage of each year on /years/', () => {
    const years = text(page(files, 'years/index.html'));
    expect(years).toContain('提出率');
    expect(years).toContain('平均工賃時間額');
    expect(years).toContain('令和3年度（2021年度） 319 93.3%');
    expect(years).toMatch(/17,411\.8 253\.2/);
  });
});

describe('the 鳥取県 fixture site', () => {
  const files = siteFiles(SITES.find((s) => s.name === 'tottori')!);

  it('says the goal is met, shows no sample notice and no baseline table', () => {
    const overview = text(page(files, 'index.html'));
    expect(overview).toContain('目標 17,000円（令和5年度）を達成');
    expect(overview).not.toContain('サンプルデータ');
    expect(page(files, 'index.html')).not.toContain('id="baseline-table"');
    expect(text(page(files, 'opening-years/index.html'))).toContain('開所後1〜2年目の事業所と3年目以降の事業所で');
    expect(text(page(files, 'wage-bands/index.html'))).toContain('4つの区分');
  });
});
