// The site map: every published page, its title and its figures. Pages, navigation and the
// download files are all generated from this list, so a figure has one definition.

import type { PlainMessageId, Words } from '../i18n/words.ts';
import { currentPhase, numberedTitle, planNotes, prefectureAverageLabel, prefectureName, type PlanFile, type ViewId } from '../plan.ts';
import { latestYear, previousYear, reportedYears, type SiteData } from '../site.ts';
import { activityFigures } from './activities.ts';
import { areaFigure, municipalityFigure } from './areas.ts';
import { goalFigures } from './goal.ts';
import { MAP_INDICATORS, mapPath, mapSlug, municipalityMapFigure } from './map.ts';
import { areaProgressFigure, spreadFigure } from './spread.ts';
import { bandMoveFigure, bandMovePath, bandMovesPath, bandTransitionFigure, movePairs } from './transitions.ts';
import { facilities, facilitiesPath } from '../facilities.ts';
import { openingYearFigures } from './opening-years.ts';
import { averageTrendFigure, totalsTrendFigure } from './overview.ts';
import type { Figure } from './types.ts';
import { defaultWageBandYears, wageBandFigure } from './wage-bands.ts';

export interface SitePage {
  /** Path below the locale root, with a trailing slash ('' for the overview). */
  path: string;
  /** Shown in the main navigation when set. */
  nav?: PlainMessageId;
  /** A tool for prefecture staff and analysts (SQL, import): listed apart from the published pages. */
  staff?: boolean;
  title: (words: Words) => string;
  intro: (words: Words) => string[];
  figures: (words: Words) => Figure[];
}

/** What the phase the latest year is in aims for: 第4期（令和3年度〜令和5年度）の目標：令和5年度に県平均工賃月額 20,000円（旧算定式）. */
export function phaseGoalSentence(plan: PlanFile, latest: number, words: Words): string {
  const phase = currentPhase(plan, latest);
  const finalYear = Math.max(...phase.targets.map((t) => t.fiscal_year));
  const goals = phase.targets.filter((t) => t.fiscal_year === finalYear).map((t) => words.t('page.goal.target', {
    goal: words.yen(t.average_monthly_wage_yen),
    formula: words.t(t.formula === 'old' ? 'formula.old' : 'formula.new'),
  }));
  return words.t('page.goal.phase_goal', {
    phase: words.name(phase.name), from: words.fyName(phase.start_fiscal_year), to: words.fyName(phase.end_fiscal_year),
    year: words.fyName(finalYear), average: prefectureAverageLabel(plan, words), goals: words.names(goals),
    prefecture: prefectureName(plan, words),
  });
}

/** The plan's own notes for a view follow the page's introduction. */
const withNotes = (site: SiteData, view: ViewId, intro: (words: Words) => string[]) =>
  (words: Words) => [...intro(words), ...planNotes(site.plan, view, words)];

export function sitePages(site: SiteData): SitePage[] {
  const { plan } = site;
  const latest = latestYear(site);
  const years = reportedYears(site);
  const none = () => [];
  const groups = plan.opening_groups;
  const pages: SitePage[] = [
    {
      path: '',
      nav: 'nav.overview',
      title: (w) => w.t('page.overview.title'),
      intro: withNotes(site, 'overview', none),
      figures: (w) => [averageTrendFigure(site, w), totalsTrendFigure(site, w)],
    },
    {
      path: 'goal/',
      nav: 'nav.goal',
      title: (w) => numberedTitle(plan, 'goal', w.t('page.goal.title'), w),
      intro: withNotes(site, 'goal', (w) => [phaseGoalSentence(plan, latest, w), w.t('page.goal.intro')]),
      figures: (w) => [...goalFigures(site, w), ...[areaProgressFigure(site, latest, w, 'area-progress')].filter((f) => f !== null)],
    },
    {
      path: 'wage-bands/',
      nav: 'nav.wage_bands',
      title: (w) => numberedTitle(plan, 'wage_bands', w.t('page.wage_bands.title'), w),
      intro: withNotes(site, 'wage_bands', (w) => [
        w.t('page.wage_bands.intro', { count: plan.wage_bands.length }),
        // What the page shows at first: the plan's comparison years, or the latest year alone.
        w.t(defaultWageBandYears(site).length > 1 ? 'page.wage_bands.intro_plan_years' : 'page.wage_bands.intro_latest'),
      ]),
      figures: (w) => [wageBandFigure(site, defaultWageBandYears(site), w, 'wage-bands'), ...[spreadFigure(site, w, 'wage-spread')].filter((f) => f !== null)],
    },
    {
      path: 'opening-years/',
      nav: 'nav.opening_years',
      title: (w) => numberedTitle(plan, 'opening_years', w.t('page.opening_years.title', { year: w.fyName(latest) }), w),
      intro: withNotes(site, 'opening_years', (w) => {
        const individual = groups.slice(0, -1);
        const first = individual.length === 1
          ? individual[0]!.label[w.locale]
          : w.t('opening.years_range', { from: individual[0]!.first_year, to: individual[individual.length - 1]!.first_year });
        return [w.t('page.opening_years.intro', { first, later: groups[groups.length - 1]!.label[w.locale], last: individual.length })];
      }),
      figures: (w) => openingYearFigures(site, latest, w, ''),
    },
    {
      path: 'activities/',
      nav: 'nav.activities',
      title: (w) => numberedTitle(plan, 'activities', w.t('page.activities.title'), w),
      intro: withNotes(site, 'activities', (w) => {
        const mix = plan.activities.filter((a) => a.in_answer_mix).map((a) => w.name(a));
        const others = plan.activities.filter((a) => !a.in_answer_mix).map((a) => w.name(a));
        return [
          w.t('page.activities.intro', { activities: w.names(mix) }),
          ...(others.length > 0 ? [w.t('page.activities.intro_others', { activities: w.names(others) })] : []),
        ];
      }),
      figures: (w) => activityFigures(site, years, w, ''),
    },
    {
      path: 'areas/',
      nav: 'nav.areas',
      title: (w) => numberedTitle(plan, 'areas', w.t('page.areas.title', { year: w.fyName(latest) }), w),
      intro: withNotes(site, 'areas', (w) => [w.t('page.areas.intro')]),
      figures: (w) => [areaFigure(site, latest, w, ''), municipalityFigure(site, latest, null, w, 'municipalities')],
    },
    // The map has a page of its own where the data directory has boundaries.
    ...(site.geo === null ? [] : [{
      path: 'map/',
      nav: 'nav.map',
      title: (w: Words) => w.t('page.map.title', { year: w.fyName(latest) }),
      intro: (w: Words) => [w.t('page.map.intro')],
      figures: (w: Words) => [municipalityMapFigure(site, latest, w, 'municipality-map')!],
    } satisfies SitePage, ...MAP_INDICATORS.filter((i) => i !== 'average').map((indicator): SitePage => ({
      path: mapPath(indicator),
      title: (w) => w.t('page.map.title', { year: w.fyName(latest) }),
      intro: (w) => [w.t('page.map.intro_of', { indicator: w.t(`map.indicator.${indicator}`) })],
      figures: (w) => [municipalityMapFigure(site, latest, w, `municipality-map-${mapSlug(indicator)}`, indicator)!],
    }))]),
    // Facility by facility, where the plan publishes it: the index here; each facility's page
    // and the lists by municipality are pages of their own (too many for this list).
    ...(plan.publish_facilities ? [{
      path: facilitiesPath,
      nav: 'nav.facilities',
      title: (w: Words) => w.t('page.facilities.title'),
      intro: (w: Words) => [w.t('page.facilities.intro', { count: w.count(facilities(site).length) })],
      figures: (w: Words) => [bandTransitionFigure(site, latest, w, 'band-transitions')].filter((f) => f !== null),
    } satisfies SitePage] : []),
    // Wage-band moves between any two reported years: the pairs to choose from, and a page each.
    ...(movePairs(site).length === 0 ? [] : [{
      path: bandMovesPath,
      title: (w: Words) => w.t('page.band_moves.title'),
      intro: (w: Words) => [w.t('page.band_moves.intro')],
      figures: () => [],
    } satisfies SitePage, ...movePairs(site).map(([from, to]): SitePage => ({
      path: bandMovePath(from, to),
      title: (w) => w.t('page.band_moves.pair_title', { from: w.fyName(from), to: w.fyName(to) }),
      intro: (w) => [w.t('page.band_moves.pair_intro', { from: w.fyName(from), to: w.fyName(to) })],
      figures: (w) => [bandMoveFigure(site, from, to, w, `band-moves-fy${from}-fy${to}`)!],
    }))]),
    ...plan.areas.map((area): SitePage => ({
      path: `areas/${area.slug}/`,
      title: (w) => w.t('page.area.title', { area: w.name(area), year: w.fyName(latest) }),
      intro: none,
      figures: (w) => [municipalityFigure(site, latest, area.name, w, `areas-${area.slug}-municipalities`)],
    })),
    {
      path: 'query/',
      nav: 'nav.query',
      staff: true,
      title: (w) => w.t('page.query.title'),
      intro: (w) => [w.t('page.query.intro')],
      figures: () => [],
    },
    {
      path: 'import/',
      nav: 'nav.import',
      staff: true,
      title: (w) => w.t('page.import.title'),
      intro: (w) => [w.t('page.import.intro')],
      figures: () => [],
    },
    {
      path: 'years/',
      nav: 'nav.years',
      title: (w) => w.t('page.years.title'),
      intro: withNotes(site, 'years', (w) => [w.t('page.years.intro')]),
      figures: () => [],
    },
    ...years.map((fy): SitePage => {
      const prev = previousYear(site, fy);
      const compared = prev === null ? [fy] : [prev, fy];
      return {
        path: `years/fy${fy}/`,
        title: (w) => w.t('page.year.title', { year: w.fy(fy) }),
        intro: none,
        figures: (w) => [
          wageBandFigure(site, compared, w, `fy${fy}-wage-bands`),
          ...openingYearFigures(site, fy, w, `fy${fy}-`),
          ...activityFigures(site, compared, w, `fy${fy}-`),
          areaFigure(site, fy, w, `fy${fy}-`),
          ...[municipalityMapFigure(site, fy, w, `fy${fy}-municipality-map`)].filter((f) => f !== null),
          municipalityFigure(site, fy, null, w, `fy${fy}-municipalities`),
          ...[bandTransitionFigure(site, fy, w, `fy${fy}-band-transitions`)].filter((f) => f !== null),
        ],
      };
    }),
  ];
  return pages;
}

export function sitePage(site: SiteData, path: string): SitePage {
  const page = sitePages(site).find((p) => p.path === path);
  if (!page) throw new Error(`no page at ${path}`);
  return page;
}
