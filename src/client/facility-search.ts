// The facility search box (FacilitySearch.astro): loads the prebuilt index once, on first
// use, and lists the facilities whose name (or its reading, where reported), corporation,
// office number or municipality holds every word typed, as links to their pages.

import { searchKey, type FacilitySearchIndex } from '../lib/facilities.ts';
import { pageWords } from './words.ts';

/** Enough to choose from on a phone; more words narrow it. */
const SHOWN = 50;

interface Entry {
  officeNo: string;
  name: string;
  corporation: string;
  place: string;
  lastYear: number;
  key: string;
}

for (const root of document.querySelectorAll<HTMLElement>('[data-facility-search]')) {
  const words = pageWords();
  const input = root.querySelector('input')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const results = root.querySelector<HTMLOListElement>('[data-results]')!;
  let entries: Promise<Entry[]> | undefined;

  const load = () => (entries ??= fetch(root.dataset.index!).then((r) => {
    if (!r.ok) throw new Error(`${r.status}`);
    return r.json() as Promise<FacilitySearchIndex>;
  }).then((index) => index.facilities.map(([officeNo, name, corporation, code, lastYear, reading = '']) => {
    const [ja = '', en = ''] = index.municipalities[code] ?? [];
    const place = words.locale === 'ja' ? ja : en || ja;
    return { officeNo, name, corporation, place, lastYear, key: searchKey([officeNo, name, reading, corporation, ja, en].join('\n')) };
  })));

  let latest = 0;
  async function search(): Promise<void> {
    const run = ++latest;
    const terms = input.value.split(/[\s\u3000]+/).map(searchKey).filter((t) => t !== '');
    if (terms.length === 0) {
      results.replaceChildren();
      status.textContent = '';
      return;
    }
    let list: Entry[];
    try {
      list = await load();
    } catch {
      entries = undefined;
      status.textContent = words.t('facilities.search_failed');
      return;
    }
    // A newer keystroke has its own answer coming.
    if (run !== latest) return;
    const found = list.filter((e) => terms.every((t) => e.key.includes(t)));
    results.replaceChildren(...found.slice(0, SHOWN).map((e) => item(e)));
    status.textContent = found.length === 0 ? words.t('facilities.search_none')
      : found.length > SHOWN ? words.t('facilities.search_more', { count: found.length, shown: SHOWN })
      : words.t('facilities.search_count', { count: found.length });
  }

  function item(e: Entry): HTMLLIElement {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `${root.dataset.pages}${e.officeNo}/`;
    a.textContent = e.name;
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = [e.place, e.corporation, `${words.t('facility.office_no')} ${e.officeNo}`, words.t('facilities.last_reported', { year: words.fyShort(e.lastYear) })].filter((x) => x !== '').join(' · ');
    li.append(a, meta);
    return li;
  }

  input.addEventListener('input', () => void search());
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  root.hidden = false;
  // A query kept by the browser on Back is searched again.
  if (input.value) void search();
}
