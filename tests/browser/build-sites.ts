// Global setup of the browser tests: a site for each fixture plan, built from its data
// directory alone, next to dist/ (which `npm test` builds from the data under test).

import { buildFixtureSite } from './sites.ts';
import { FIXTURES } from '../helpers.ts';

export default function setup(): void {
  for (const name of FIXTURES) buildFixtureSite(name);
}
