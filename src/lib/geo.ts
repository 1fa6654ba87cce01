// Municipality shapes from the data directory's TopoJSON: one shape per municipality as the
// reports count it, so a designated city's wards are merged into their city when
// municipalities.csv rolls them up (the same roll-up as the SQL's place_indicators).

import { merge } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { MultiPolygon } from 'geojson';
import type { Municipality } from './reference.ts';

export interface PlaceShape {
  /** The code the indicator views use for the place: the city's code for a rolled-up ward. */
  code: string;
  geometry: MultiPolygon;
}

/** Every shape of the topology, grouped by the place it is counted under. */
export function placeShapes(topology: Topology, codeProperty: string, municipalities: Municipality[]): PlaceShape[] {
  const collection = Object.values(topology.objects)[0] as GeometryCollection<Record<string, unknown>>;
  const byName = new Map(municipalities.map((m) => [m.name, m]));
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const groups = new Map<string, GeometryObject[]>();
  for (const geometry of collection.geometries) {
    const code = String((geometry.properties as Record<string, unknown> | undefined)?.[codeProperty] ?? '');
    const m = byCode.get(code);
    // A ward counts under its city; a shape not in municipalities.csv stays on its own, with no data.
    const place = m ? (byName.get(m.municipality)?.code ?? m.code) : code;
    if (!groups.has(place)) groups.set(place, []);
    groups.get(place)!.push(geometry);
  }
  return [...groups].map(([code, geometries]) => ({ code, geometry: merge(topology, geometries as never) }));
}
