/** The committed dataset, read directly, to compute expected counts independently of the app. */
import { readFileSync } from 'node:fs';
import type { AgencyCollection, AgencyFeature } from '../../src/core/contract';

export const DATA: AgencyCollection = JSON.parse(readFileSync('data/partnerships.geojson', 'utf8'));
export const FEATURES: AgencyFeature[] = DATA.features;

export function countWhere(pred: (p: AgencyFeature['properties']) => boolean): number {
  return FEATURES.filter((f) => pred(f.properties)).length;
}

export function agenciesLabel(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'agency' : 'agencies'}`;
}
