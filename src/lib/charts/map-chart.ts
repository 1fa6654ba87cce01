// A choropleth of municipality shapes, drawn at build time as SVG like every other chart:
// Mercator fitted to the prefecture, one fill per shape, its name and value as a tooltip and,
// for the keyboard and screen readers, as the name of each focusable place.

import * as Plot from '@observablehq/plot';
import { geoArea } from 'd3';
import type { Feature, MultiPolygon } from 'geojson';
import type { ChartSize } from './render.ts';
import { CHART_WIDTH as WIDTH } from './text.ts';

export interface MapShape {
  geometry: MultiPolygon;
  fill: string;
  /** The place and its value, as text. */
  title: string;
}


export function choroplethSpec(shapes: MapShape[], size: ChartSize): Plot.PlotOptions {
  const features: Feature<MultiPolygon, MapShape>[] = shapes.map((s) => ({ type: 'Feature', geometry: s.geometry, properties: s }));
  // The frame fits each place's largest part: a far, tiny island (a lighthouse rock) would
  // otherwise leave most of the picture empty sea. Such islets fall outside the frame.
  const mainParts = features.map((f) => ({
    type: 'Feature' as const,
    properties: null,
    geometry: {
      type: 'Polygon' as const,
      coordinates: f.geometry.coordinates.reduce((a, b) => (geoArea({ type: 'Polygon', coordinates: b }) > geoArea({ type: 'Polygon', coordinates: a }) ? b : a)),
    },
  }));
  return {
    width: WIDTH[size],
    // Plot sets the height from the prefecture's shape.
    projection: { type: 'mercator', domain: { type: 'FeatureCollection', features: mainParts } },
    margin: 4,
    marks: [
      Plot.geo(features, {
        className: 'map-shapes',
        fill: (d: Feature<MultiPolygon, MapShape>) => d.properties.fill,
        stroke: '#ffffff',
        strokeWidth: 0.6,
        title: (d: Feature<MultiPolygon, MapShape>) => d.properties.title,
        // Each place is reached with the keyboard and read out with its value.
        render(index, scales, values, dimensions, context, next) {
          const g = next!(index, scales, values, dimensions, context)!;
          [...g.querySelectorAll('path')].forEach((path, i) => {
            path.setAttribute('role', 'img');
            path.setAttribute('tabindex', '0');
            path.setAttribute('aria-label', features[index[i]!]!.properties.title);
          });
          return g;
        },
      }),
    ],
  };
}
