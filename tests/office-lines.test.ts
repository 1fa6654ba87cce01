// The duplicate-office table against a plain Map, across many growths of the table.

import { randomLcg } from 'd3';
import { expect, it } from 'vitest';
import { OfficeLines } from '../src/lib/reader/office-lines.ts';

it.each([undefined, 0, 100_000])('returns the first line of every office number seen before, as a Map would (room for %s)', (expected) => {
  const rng = randomLcg(11);
  const table = new OfficeLines(expected);
  const map = new Map<number, number>();
  const answers: [number | undefined, number | undefined][] = [];
  for (let line = 2; line < 60_000; line++) {
    // Numbers of a prefecture close together, numbers far apart, 0, and repeats.
    const office = [() => 4_010_100_000 + Math.floor(rng() * 30_000), () => Math.floor(rng() * 9_999_999_999), () => 0][Math.floor(rng() * 3)]!();
    const first = map.get(office);
    if (first === undefined) map.set(office, line);
    answers.push([table.firstOrSet(office, line), first]);
  }
  expect(answers.filter(([a, b]) => a !== b)).toEqual([]);
  expect(answers.filter(([, b]) => b !== undefined).length).toBeGreaterThan(20_000);
});
