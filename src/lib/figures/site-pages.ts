// The site map: every published page, its title and its figures. Pages, navigation and the
// download files are all generated from this list, so a figure has one definition.

import type { Locale } from '../format.ts';
import type { SiteData } from '../node/site-data.ts';
import { activityFigures } from './activities.ts';
import { areaFigure, municipalityFigure } from './areas.ts';
import { fyLong, latestYear, previousYear } from './common.ts';
import { goalFigure } from './goal.ts';
import { openingYearFigures } from './opening-years.ts';
import { averageTrendFigure, totalsTrendFigure } from './overview.ts';
import type { Figure } from './types.ts';
import { defaultWageBandYears, wageBandFigure } from './wage-bands.ts';

export interface SitePage {
  /** Path below the locale root, with a trailing slash ('' for the overview). */
  path: string;
  /** Shown in the main navigation when set. */
  nav?: { ja: string; en: string };
  title: (locale: Locale) => string;
  intro: (locale: Locale) => string[];
  figures: (locale: Locale) => Figure[];
}

export function sitePages(data: SiteData): SitePage[] {
  const latest = latestYear(data);
  const years = data.yearly.map((y) => y.fiscal_year);
  const pages: SitePage[] = [
    {
      path: '',
      nav: { ja: '概要', en: 'Overview' },
      title: (l) => (l === 'ja' ? '工賃の概要' : 'Wage overview'),
      intro: () => [],
      figures: (l) => [averageTrendFigure(data, l), totalsTrendFigure(data, l)],
    },
    {
      path: 'goal/',
      nav: { ja: '目標の達成状況', en: 'Goal' },
      title: (l) => (l === 'ja' ? '目標工賃の達成状況' : 'Progress against the goal'),
      intro: (l) => (l === 'ja'
        ? [`${data.plan.title.ja}は、${fyLong(data.plan.goal.fiscal_year, l)}に県平均工賃月額 ${data.plan.goal.average_monthly_wage_yen.toLocaleString('ja-JP')}円を目標としています。各年度の実績を目標・全国平均と比べます。`]
        : [`The ${data.plan.title.en} aims for a prefecture average monthly wage of ¥${data.plan.goal.average_monthly_wage_yen.toLocaleString('en-US')} in ${fyLong(data.plan.goal.fiscal_year, l)}. Each year's result against the goal and the national average.`]),
      figures: (l) => [goalFigure(data, l)],
    },
    {
      path: 'wage-bands/',
      nav: { ja: '工賃区分別', en: 'Wage bands' },
      title: (l) => (l === 'ja' ? '平均工賃月額別の事業所分布（図表8）' : 'Facilities by wage band (Figure 8)'),
      intro: (l) => (l === 'ja'
        ? ['事業所ごとの平均工賃月額を6つの区分に分け、年度ごとの事業所数を比べます。はじめは計画の比較年度と最新年度を表示します。比較する年度は選べます（選んだ年度はこのページのURLに残ります）。']
        : ['Facilities grouped by their own average monthly wage into six bands, compared across years: at first the plan’s comparison years and the latest year. You can choose the years; the choice stays in this page’s URL.']),
      figures: (l) => [wageBandFigure(data, defaultWageBandYears(data), l, 'wage-bands')],
    },
    {
      path: 'opening-years/',
      nav: { ja: '開所年数別', en: 'Years since opening' },
      title: (l) => (l === 'ja' ? `開所年数別の状況（図表9〜11、${fyLong(latest, l)}）` : `By years since opening (Figures 9–11, ${fyLong(latest, l)})`),
      intro: (l) => (l === 'ja'
        ? ['開所後1〜5年目の事業所と6年目以降の事業所で、工賃区分の分布、事業所当たりの工賃支払額と延べ人数を比べます。']
        : ['Facilities in their first five years against older ones: wage bands, wages paid and person-months per facility.']),
      figures: (l) => openingYearFigures(data, latest, l, ''),
    },
    {
      path: 'activities/',
      nav: { ja: '生産活動', en: 'Activities' },
      title: (l) => (l === 'ja' ? '事業所の生産活動の状況（図表12）' : 'Production activities (Figure 12)'),
      intro: (l) => (l === 'ja'
        ? ['自主事業（オリジナル商品の製造・販売や自営農業など）と、企業や農業者からの請負・受託等の割合、農福連携に取り組む事業所の割合です。回答は複数回答です。']
        : ['Own business (making and selling products, own farming) against contract work for companies and farmers, and the facilities doing agri-welfare work. Answers are multiple.']),
      figures: (l) => activityFigures(data, years, l, ''),
    },
    {
      path: 'areas/',
      nav: { ja: '圏域・市町村', en: 'Areas' },
      title: (l) => (l === 'ja' ? `圏域・市町村別の状況（${fyLong(latest, l)}）` : `Areas and municipalities (${fyLong(latest, l)})`),
      intro: (l) => (l === 'ja' ? ['圏域ごと・市町村ごとの施設数、延べ人数、工賃支払総額、平均工賃月額と前年度からの変化です。'] : ['Facilities, person-months, wages and average monthly wage by area and municipality, with the change since the previous year.']),
      figures: (l) => [areaFigure(data, latest, l, ''), municipalityFigure(data, latest, null, l, 'municipalities')],
    },
    ...data.plan.areas.map((area): SitePage => ({
      path: `areas/${area.slug}/`,
      title: (l) => (l === 'ja' ? `${area.ja}圏域の市町村（${fyLong(latest, l)}）` : `${area.en} area (${fyLong(latest, l)})`),
      intro: () => [],
      figures: (l) => [municipalityFigure(data, latest, area.name, l, `areas-${area.slug}-municipalities`)],
    })),
    {
      path: 'query/',
      nav: { ja: 'SQL', en: 'SQL' },
      title: (l) => (l === 'ja' ? 'SQL コンソール' : 'SQL console'),
      intro: (l) => (l === 'ja'
        ? ['全年度の報告（reports）と、公開ページと同じ指標ビュー（yearly_indicators など）に SQL で問い合わせできます。DuckDB-WASM がこのブラウザの中で動き、データはどこにも送られません。']
        : ['Query every year’s reports (reports) and the same indicator views the published pages use (yearly_indicators and others) with SQL. DuckDB-WASM runs inside this browser; no data is sent anywhere.']),
      figures: () => [],
    },
    {
      path: 'import/',
      nav: { ja: 'データ取込', en: 'Import' },
      title: (l) => (l === 'ja' ? '新しい年度の報告を取り込む' : 'Import a new year’s reports'),
      intro: (l) => (l === 'ja'
        ? ['各事業所の工賃実績報告をまとめた CSV（Excel の Shift_JIS 出力でも可）を検査し、公開前に指標をプレビューします。ファイルはこのブラウザの中だけで読み込み、どこにも送信しません。']
        : ['Check a CSV of facility wage reports (Shift_JIS exports from Excel are fine) and preview the indicators before publishing. Files are read inside this browser only and are never uploaded.']),
      figures: () => [],
    },
    {
      path: 'years/',
      nav: { ja: '年度別', en: 'By year' },
      title: (l) => (l === 'ja' ? '年度別の状況' : 'By fiscal year'),
      intro: () => [],
      figures: () => [],
    },
    ...years.map((fy): SitePage => {
      const prev = previousYear(data, fy);
      return {
        path: `years/fy${fy}/`,
        title: (l) => (l === 'ja' ? `${fyLong(fy, l)}の状況` : `${fyLong(fy, l)}`),
        intro: () => [],
        figures: (l) => [
          wageBandFigure(data, prev === null ? [fy] : [prev, fy], l, `fy${fy}-wage-bands`),
          ...openingYearFigures(data, fy, l, `fy${fy}-`),
          ...activityFigures(data, prev === null ? [fy] : [prev, fy], l, `fy${fy}-`),
          areaFigure(data, fy, l, `fy${fy}-`),
          municipalityFigure(data, fy, null, l, `fy${fy}-municipalities`),
        ],
      };
    }),
  ];
  return pages;
}

export function sitePage(data: SiteData, path: string): SitePage {
  const page = sitePages(data).find((p) => p.path === path);
  if (!page) throw new Error(`no page at ${path}`);
  return page;
}
