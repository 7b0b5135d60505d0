/**
 * Find my area over the store: the search box (shown at once), "Use my
 * location", and the answer. The search logic itself is a chunk of its own
 * (area-finder.ts), loaded on the first search or suggestion, or at once
 * when a link carries `area=`.
 */
import type { AppState } from '../state/app-state';
import { cleanText } from '../core/text';
import { AreaSearch } from '../ui/area-search';
import { $ } from '../ui/dom';
import { MSG } from '../i18n/messages';
import type { AreaFinder } from './area-finder';
import type { SearchLegend } from '../search/search-legend';
import { attachedMap } from './context';
import type { AppContext } from './context';
import { lazy } from './lazy';
import { Comparing } from './area-compare';

type AreaContext = Pick<AppContext, 'store' | 'index' | 'mapView' | 'derived' | 'set'>;

export class Area {
  private box: AreaSearch;
  private token = 0;
  /** The area string of this visitor's own located position (a point from a link is someone else's). */
  private located: string | null = null;
  /** What the legend says about the search on the map (null: none). */
  legend: SearchLegend | null = null;
  private readonly finder: () => Promise<AreaFinder>;
  /** The finder once its chunk is here (clearing a search needs nothing new). */
  private loadedFinder: AreaFinder | null = null;
  /** Compare with another place (the second search box and the side-by-side answer). */
  readonly comparing: Comparing;

  constructor(
    private ctx: AreaContext,
    private hooks: {
      /** The search on the map changed: redraw the legend. */
      onLegend(): void;
      /** The place found is cleared: frame all agencies again. */
      onCleared(): void;
      select(i: number): void;
    },
  ) {
    this.finder = lazy(async () => {
      const { AreaFinder } = await import('./area-finder');
      this.loadedFinder = new AreaFinder(ctx.index, () => attachedMap(this.ctx));
      return this.loadedFinder;
    });
    this.box = new AreaSearch($('#area-search'), {
      onSearch: (q) => void this.onSearch(q),
      onRadius: (radius) => ctx.set({ radius }),
      onLocate: () => this.locate(),
      onSelect: (i) => hooks.select(i),
      suggest: (text) => this.suggest(text),
    });
    this.box.setQuery(ctx.store.state.area, ctx.store.state.radius);
    this.comparing = new Comparing($('#area-search'), this.box, ctx, { select: (i) => hooks.select(i), suggest: (text) => this.suggest(text) });
  }

  private async suggest(text: string) {
    if (text.trim().length < 2) return [];
    try {
      return await (await this.finder()).suggest(text);
    } catch {
      return [];
    }
  }

  private async onSearch(q: string | null): Promise<void> {
    const area = q === null ? null : cleanText(q) || null;
    // A new search is about another place: the card of an agency picked before closes with it (one history step).
    // The same search again re-runs it (and flies there again).
    if (area === this.ctx.store.state.area) {
      if (this.ctx.store.state.agency !== null) this.ctx.set({ agency: null });
      void this.run(this.ctx.store.state, true);
    } else this.ctx.set({ area, agency: null, ...(area === null ? { compare: null } : {}) });
    // Find pressed on an empty box: say what to type rather than nothing.
    if (q !== null && area === null) {
      try {
        const message = (await this.finder()).unreadable(q);
        if (message) this.box.render({ status: 'error', message });
      } catch {
        this.box.render({ status: 'error', message: MSG.areaChunkFailed });
      }
    }
  }

  /** Geolocation only on request; the position stays in the page (rounded to about 1 km). */
  private locate(): void {
    if (!('geolocation' in navigator)) {
      this.box.render({ status: 'error', message: MSG.areaNoGeolocation });
      return;
    }
    this.box.render({ status: 'loading', query: MSG.areaYourLocation });
    // A search typed while the browser is still locating wins.
    const token = ++this.token;
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        if (token !== this.token) return;
        this.located = `@${pos.coords.latitude.toFixed(2)},${pos.coords.longitude.toFixed(2)}`;
        void this.onSearch(this.located);
      },
      () => {
        if (token === this.token) this.box.render({ status: 'error', message: MSG.areaLocationUnavailable });
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 },
    );
  }

  /** Resolves the search of a state and shows it; stale answers are dropped. */
  async run(s: AppState, fly: boolean): Promise<void> {
    const token = ++this.token;
    this.box.setQuery(s.area, s.radius);
    this.comparing.sync(s);
    if (!s.area) {
      this.box.render({ status: 'idle' });
      this.setLegend(null);
      this.loadedFinder?.clear();
      return;
    }
    this.box.render({ status: 'loading', query: s.area });
    let finder: AreaFinder;
    try {
      finder = await this.finder();
    } catch {
      if (token === this.token) this.box.render({ status: 'error', message: MSG.areaChunkFailed });
      return;
    }
    if (s.compare) {
      try {
        const legend = await this.comparing.run(finder, { ...s, area: s.area, compare: s.compare }, this.located, fly, () => token === this.token);
        if (token === this.token) this.setLegend(legend);
      } catch {
        if (token === this.token) this.box.render({ status: 'error', message: MSG.areaListFailed });
      }
      return;
    }
    let out: Awaited<ReturnType<AreaFinder['find']>>;
    try {
      out = await finder.find({ ...s, area: s.area }, this.ctx.derived.mask, this.located);
    } catch {
      if (token === this.token) this.box.render({ status: 'error', message: MSG.areaListFailed });
      return;
    }
    if (token !== this.token) return;
    if (!out.ok) {
      // A search that found nothing (or must ask which place) clears the previous place from the map, and says so.
      const had = this.legend !== null;
      this.setLegend(null);
      finder.clear();
      // The message first: on phones it is a sheet over the map, which the framing keeps clear of.
      this.box.render({ status: 'error', message: out.message, choices: out.choices, cleared: had });
      if (had && fly) this.hooks.onCleared();
      return;
    }
    this.box.render(out.view);
    this.setLegend(out.legend);
    out.show(fly);
  }

  private setLegend(l: SearchLegend | null): void {
    this.legend = l;
    this.hooks.onLegend();
  }
}
