/**
 * About's "How to cite": the one-line citation of the release on the map
 * (from the published changelog) and where the release files are: the
 * changelog, the national feed, the data package and the citation file.
 */
import { citationLine } from '../core/releases';
import { releases } from '../data/release-store';
import { MSG } from '../i18n/messages';
import { h } from './dom';

const FILES: [keyof typeof MSG & `about${string}`, string][] = [
  ['aboutChangelogCsv', 'data/changelog.csv'],
  ['aboutChangelogJson', 'data/changelog.json'],
  ['aboutFeed', 'feeds/all.atom'],
  ['aboutDataPackage', 'datapackage.json'],
  ['aboutCitationFile', 'CITATION.cff'],
];

export function citeSection(title: string): HTMLElement {
  const line = h('p', { class: 'cite-line' });
  void releases.get().then((log) => {
    const last = log?.releases.at(-1);
    // The citation text is bibliographic data: it stays in English in both languages.
    if (last) line.replaceChildren(MSG.aboutCite(''), h('q', { lang: 'en' }, citationLine(last, title)));
  });
  return h('section', { class: 'cite', 'aria-labelledby': 'about-cite' },
    h('h3', { id: 'about-cite' }, MSG.aboutCiteTitle),
    line,
    h('p', {}, MSG.aboutCiteFiles),
    h('ul', { class: 'release-files' }, ...FILES.map(([k, href]) => h('li', {}, Object.assign(h('a', {}, String(MSG[k])), { href })))),
  );
}
