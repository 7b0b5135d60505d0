/**
 * CITATION.cff (Citation File Format 1.2.0) for the latest release, written
 * with each release: the dataset, its version and date, the project team as
 * its author, and the EFF Atlas of Surveillance as the work it builds on.
 * No repository URL or DOI is given: none is known to the build.
 */
import { stringify } from 'yaml';
import { PROJECT_AUTHOR, type Release } from '../../src/core/releases';

export { PROJECT_AUTHOR };

export function citationCff(release: Release, title: string): string {
  const doc = {
    'cff-version': '1.2.0',
    message: 'If you use this data, please cite the release you used as below.',
    type: 'dataset',
    title,
    version: release.version,
    'date-released': release.date,
    authors: [{ name: PROJECT_AUTHOR }],
    license: 'CC-BY-4.0',
    abstract:
      'Which police, sheriff and fire agencies in the United States partnered with Amazon Ring, when each partnership began, what the agency got for it, and the records behind it. ' +
      'Most partnerships come from the EFF Atlas of Surveillance export, which stops in September 2020; later partnerships are incomplete.',
    keywords: ['Amazon Ring', 'Neighbors', 'police', 'surveillance', 'public records'],
    references: [
      {
        type: 'database',
        title: 'Atlas of Surveillance',
        authors: [{ name: 'Electronic Frontier Foundation' }],
        url: 'https://atlasofsurveillance.org/',
        license: 'CC-BY-4.0',
        notes: 'CSV export of 7 October 2020 (Ring/Neighbors rows).',
      },
    ],
  };
  return `# The citation of the latest data release; rewritten by \`npm run data -- --release\`.\n${stringify(doc, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}`;
}
