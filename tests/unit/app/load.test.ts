import { describe, expect, it } from 'vitest';
import { parseDataset, isValidFeature, DataLoadError } from '../../../src/data/load';
import { agency } from './fixtures';

describe('loading the dataset', () => {
  it('keeps valid features and counts invalid or duplicate ones', () => {
    const bad = [
      { ...agency('x'), geometry: { type: 'Point', coordinates: [500, 0] } },
      { ...agency('y'), properties: { ...agency('y').properties, name: '   ' } },
      { ...agency('z'), properties: { ...agency('z').properties, start_date: '2019-02-30' } },
      { ...agency('w'), properties: { ...agency('w').properties, perk_value_usd: -5 } },
      { ...agency('v'), properties: { ...agency('v').properties, sources: [] } },
      agency('a'),
      null,
    ];
    const d = parseDataset({ type: 'FeatureCollection', features: [agency('a'), ...bad] });
    expect(d.features.map((f) => f.properties.id)).toEqual(['a']);
    expect(d.invalid).toBe(bad.length);
  });
  it('rejects what is not a FeatureCollection', () => {
    expect(() => parseDataset({ foo: 1 })).toThrow(DataLoadError);
    expect(() => parseDataset([])).toThrow(DataLoadError);
  });
  it('accepts a feature with null figures (not documented)', () => {
    expect(isValidFeature(agency('a'))).toBe(true);
  });
});
