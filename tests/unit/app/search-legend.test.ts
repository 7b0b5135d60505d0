import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../src/i18n/messages';
import { combinedLegend, placeLegend, searchLegendLabels } from '../../../src/search/search-legend';

afterEach(() => setLocale('en'));

const city = placeLegend(10, true); // a city: its pin, its radius, its county outlined
const town = placeLegend(5, false); // a point with no county found: pin and radius only
const county = placeLegend(null, true); // a whole county: its outline alone

describe("the legend's key for a search", () => {
  it('names one place, its radius and its county', () => {
    expect(searchLegendLabels(city)).toEqual({ pin: 'Searched place', radius: 'Within 10 miles', county: 'County of the searched place' });
    expect(searchLegendLabels(town)).toEqual({ pin: 'Searched place', radius: 'Within 5 miles', county: null });
    expect(searchLegendLabels(county)).toEqual({ pin: null, radius: null, county: 'Searched county' });
  });

  it('two places side by side: plurals where both are of a kind, both kinds where they differ', () => {
    expect(searchLegendLabels(combinedLegend([city, city])!)).toEqual({ pin: 'Searched places', radius: 'Within 10 miles', county: 'Counties of the searched places' });
    expect(searchLegendLabels(combinedLegend([county, county])!)).toEqual({ pin: null, radius: null, county: 'Searched counties' });
    expect(searchLegendLabels(combinedLegend([city, county])!)).toEqual({ pin: 'Searched place', radius: 'Within 10 miles', county: 'Searched county, and county of the searched place' });
    expect(searchLegendLabels(combinedLegend([county, town])!)).toEqual({ pin: 'Searched place', radius: 'Within 5 miles', county: 'Searched county' });
    expect(searchLegendLabels(combinedLegend([town, city])!)).toEqual({ pin: 'Searched places', radius: 'Within 5 miles', county: 'County of the searched place' });
    // One of the two not found: the key is that of the one shown; none shown, no key.
    expect(combinedLegend([city])).toEqual(city);
    expect(combinedLegend([])).toBeNull();
  });

  it('in Spanish', () => {
    setLocale('es');
    expect(searchLegendLabels(combinedLegend([city, city])!)).toEqual({ pin: 'Lugares buscados', radius: 'A 10 millas o menos', county: 'Condados de los lugares buscados' });
    expect(searchLegendLabels(combinedLegend([city, county])!).county).toBe('Condado buscado, y condado del lugar buscado');
  });
});
