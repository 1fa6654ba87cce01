// The view row types (src/lib/views.ts) against the views themselves: the same columns in
// the same order with the same DuckDB types, and no NULL where a type says there is none,
// on both fixture plans.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndicatorDatabase, type IndicatorDatabase } from '../src/lib/node/indicators.ts';
import { VIEW_NAMES, viewColumns } from '../src/lib/views.ts';
import { FIXTURES, fixturePaths, type FixtureName } from './helpers.ts';

const databases = new Map<FixtureName, IndicatorDatabase>();
beforeAll(async () => {
  for (const name of FIXTURES) databases.set(name, await openIndicatorDatabase(fixturePaths(name), 'en'));
});
afterAll(() => {
  for (const db of databases.values()) db.engine.close();
});

describe.each(VIEW_NAMES)('%s', (view) => {
  it('has exactly the declared columns and types', async () => {
    const described = await databases.get('kyoto')!.engine.query(`DESCRIBE ${view}`);
    expect(described.map((c) => [c.column_name, c.column_type])).toEqual(viewColumns(view).map(([name, type]) => [name, type]));
  });

  it.each(FIXTURES)('holds no NULL in a column declared without one (%s)', async (fixture) => {
    const engine = databases.get(fixture)!.engine;
    const required = viewColumns(view).filter(([, , nullable]) => !nullable).map(([name]) => name);
    const [counts] = await engine.query(`SELECT count(*) AS rows, ${required.map((c) => `count(*) FILTER (WHERE ${c} IS NULL) AS "${c}"`).join(', ')} FROM ${view}`);
    expect(counts!.rows as number).toBeGreaterThan(0);
    expect(Object.fromEntries(required.map((c) => [c, counts![c]]))).toEqual(Object.fromEntries(required.map((c) => [c, 0])));
  });
});
