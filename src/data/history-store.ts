/**
 * The program's eras and reported totals (generated/history/history.json),
 * fetched once when first needed. A missing or damaged file leaves them out
 * (the card and timeline simply show less); it never breaks the map.
 */
import { decodeHistory, EMPTY_HISTORY, type History } from '../time/history';
import { fetchJson } from './load';

export class HistoryStore {
  private pending: Promise<History> | null = null;

  constructor(private readonly url: string) {}

  get(): Promise<History> {
    this.pending ??= fetchJson(this.url, 'history')
      .then(decodeHistory)
      .catch(() => {
        this.pending = null;
        return EMPTY_HISTORY;
      });
    return this.pending;
  }
}
