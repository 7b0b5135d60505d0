/**
 * Find my area's inputs as the site ships them, for sweeps in Node: the
 * place list and the points file round-tripped through JSON, and the
 * counties from us-atlas (as tests/unit/app/area-sweep.test.ts loads them).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { buildGazetteer } from '../../../pipeline/gazetteer';
import { decodeGazetteer } from '../../../src/search/gazetteer';
import type { Gazetteer, Place } from '../../../src/search/gazetteer';
import { buildCounties } from '../../../src/search/counties';
import type { County } from '../../../src/search/counties';
import { answerContext } from '../../../src/search/area-answer';
import type { AnswerContext } from '../../../src/search/area-answer';
import { decodePoints, encodeMapData } from '../../../src/data/map-data';
import { buildIndex } from '../../../src/data/agency-index';
import type { AgencyCollection } from '../../../src/core/contract';

export interface AreaFixtures {
  gazetteer: Gazetteer;
  counties: County[];
  ctx: AnswerContext;
  /** Every agency kept (no filter). */
  all: Uint8Array;
}

export function loadAreaFixtures(): AreaFixtures {
  const require = createRequire(import.meta.url);
  const gazetteer = decodeGazetteer(JSON.parse(JSON.stringify(buildGazetteer())));
  const topo = require('us-atlas/counties-10m.json') as Topology;
  const counties = buildCounties(feature(topo, topo.objects.counties as GeometryCollection) as FeatureCollection);
  const data = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as AgencyCollection;
  const rows = decodePoints(JSON.parse(JSON.stringify(encodeMapData(data).points))).rows;
  const index = buildIndex(rows);
  return { gazetteer, counties, ctx: answerContext({ gazetteer, counties }, index), all: new Uint8Array(rows.length).fill(1) };
}

/** The `n` most populous places of the list the site ships. */
export function largestPlaces(g: Gazetteer, n = 300): Place[] {
  return [...g.places].sort((a, b) => b.population - a.population).slice(0, n);
}
