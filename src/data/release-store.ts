/**
 * The published changelog (data/changelog.json), fetched once when a card
 * first asks for an agency's history. A missing or damaged file yields null:
 * the card says the history could not be loaded and shows everything else.
 */
import { decodeChangelog, type Changelog } from '../core/releases';

export class ReleaseStore {
  private pending: Promise<Changelog | null> | null = null;

  constructor(private readonly url: string) {}

  get(): Promise<Changelog | null> {
    this.pending ??= fetch(this.url, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((json) => {
        const log = decodeChangelog(json);
        return log.releases.length ? log : null;
      })
      .catch(() => {
        this.pending = null;
        return null;
      });
    return this.pending;
  }
}

/** The site's one changelog, beside the published data. */
export const releases = new ReleaseStore('data/changelog.json');
