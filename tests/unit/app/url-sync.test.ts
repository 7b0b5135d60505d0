/** The URL controller alone: writes to the link, Back/Forward restores, and what a link never carries stays. */
import { describe, expect, it } from 'vitest';
import { fullMapUrl, restoredState, UrlSync } from '../../../src/controllers/url-sync';
import type { UrlWindow } from '../../../src/controllers/url-sync';
import { defaultState } from '../../../src/state/app-state';
import type { AppState } from '../../../src/state/app-state';
import { Store } from '../../../src/state/store';

/** A page's location, history and timers, run by hand. */
function fakeWindow(hash = '') {
  const listeners: Record<string, (() => void)[]> = {};
  const timers = new Map<number, () => void>();
  let next = 1;
  const entries: string[] = [];
  const w = {
    location: { pathname: '/', search: '', hash },
    history: {
      pushState: (_: unknown, __: string, url: string) => {
        entries.push(`push ${url}`);
        w.location.hash = url.slice(1);
      },
      replaceState: (_: unknown, __: string, url: string) => {
        entries.push(`replace ${url}`);
        w.location.hash = url.slice(1);
      },
    },
    addEventListener: (t: string, f: () => void) => (listeners[t] ??= []).push(f),
    setTimeout: (f: () => void) => {
      timers.set(next, f);
      return next++;
    },
    clearTimeout: (id: number) => void timers.delete(id),
  } satisfies UrlWindow;
  return {
    w,
    entries,
    flush: () => {
      for (const [id, f] of [...timers]) {
        timers.delete(id);
        f();
      }
    },
    /** The visitor presses Back to a link: the browser sets the hash, then fires both events. */
    navigate: (h: string) => {
      w.location.hash = h;
      for (const t of ['popstate', 'hashchange']) for (const f of listeners[t] ?? []) f();
    },
  };
}

function setup(initial: Partial<AppState> = {}) {
  const fw = fakeWindow();
  const store = new Store<AppState>({ ...defaultState(), ...initial });
  const log: string[] = [];
  let sync: UrlSync;
  sync = new UrlSync(store, {
    before: () => log.push('before'),
    notices: (n) => n.length && log.push(`notices ${n.length}`),
    after: (s) => log.push(`after ${s.filters.states.join()} restoring=${sync.restoring}`),
  }, fw.w);
  sync.listen();
  return { ...fw, store, sync, log };
}

describe('UrlSync', () => {
  it('adds a history entry for a change and replaces it for a move, in one write per batch', () => {
    const t = setup();
    t.store.update((s) => ({ ...s, filters: { ...s.filters, states: ['CA'] } }));
    t.sync.schedule('push');
    t.store.update((s) => ({ ...s, view: { zoom: 5, lat: 34, lon: -118 } }));
    t.sync.schedule('replace');
    t.flush();
    expect(t.entries).toEqual(['push /#map=5/34/-118&state=CA']);
    t.store.update((s) => ({ ...s, view: { zoom: 6, lat: 34, lon: -118 } }));
    t.sync.schedule('replace');
    t.flush();
    expect(t.entries[1]).toBe('replace /#map=6/34/-118&state=CA');
  });

  it('never adds entries to the Back button of a page that embeds the map', () => {
    const t = setup({ embed: true });
    t.store.update((s) => ({ ...s, filters: { ...s.filters, states: ['TX'] } }));
    t.sync.schedule('push');
    t.flush();
    expect(t.entries).toEqual(['replace /#state=TX&embed=1']);
  });

  it('Back restores the link once (popstate and hashchange both fire), marked as restoring, without writing the URL', () => {
    const t = setup();
    t.navigate('#state=NJ');
    expect(t.store.state.filters.states).toEqual(['NJ']);
    expect(t.log).toEqual(['before', 'after NJ restoring=true']);
    expect(t.sync.restoring).toBe(false);
    t.sync.schedule('push');
    t.flush();
    expect(t.entries).toEqual([]);
  });

  it('Back with the street map on keeps the street map', () => {
    const t = setup({ basemap: 'online' });
    t.navigate('#state=NJ');
    expect(t.store.state.basemap).toBe('online');
    t.navigate('');
    expect(t.store.state.basemap).toBe('online');
    expect(t.store.state.filters.states).toEqual([]);
  });

  it('passes the link’s notices on', () => {
    const t = setup();
    t.navigate('#state=ZZ');
    expect(t.log[0]).toBe('notices 1');
  });

  it('a change queued before Back cannot overwrite the restored state', () => {
    const t = setup();
    t.store.update((s) => ({ ...s, filters: { ...s.filters, states: ['CA'] } }));
    t.sync.schedule('push');
    t.navigate('#state=NJ');
    t.flush();
    expect(t.entries).toEqual([]);
    expect(t.store.state.filters.states).toEqual(['NJ']);
  });
});

describe('restoredState', () => {
  it('takes the link’s state but keeps the street map and an embed', () => {
    const current = { ...defaultState(), basemap: 'online' as const, embed: true, agency: 'x' };
    const fromLink = { ...defaultState(), agency: 'y' };
    expect(restoredState(current, fromLink)).toEqual({ ...fromLink, basemap: 'online', embed: true });
  });
});

describe('fullMapUrl', () => {
  const s: AppState = { ...defaultState(), view: { zoom: 5, lat: 30, lon: -90 }, area: '@30.12,-90.55', embed: true };
  it('is never an embed and never carries the visitor’s own location', () => {
    const u = new URL(fullMapUrl('https://m.example/?embed=1#embed=1', s));
    expect(u.search).toBe('');
    expect(u.hash).toBe('#map=5/30/-90');
  });
  it('without the map position when the embed frames the selection itself', () => {
    expect(new URL(fullMapUrl('https://m.example/', { ...s, area: '90012' }, { fit: true })).hash).toBe('#area=90012');
  });
});

describe('the link while Play runs', () => {
  it('carries the range Play will restore, never the month on screen', () => {
    const fw = fakeWindow();
    const range = { from: 2019 * 12, to: 2019 * 12 + 11 };
    const store = new Store<AppState>({ ...defaultState(), filters: { ...defaultState().filters, ...range } });
    let held: typeof range | null = null;
    const sync = new UrlSync(store, {
      before: () => undefined,
      notices: () => undefined,
      after: () => undefined,
      linkState: (s) => (held ? { ...s, filters: { ...s.filters, ...held } } : s),
    }, fw.w);
    sync.schedule('push');
    fw.flush();
    expect(fw.entries).toEqual(['push /#from=2019-01&to=2019-12']);
    // Play shows one month after another; a move made meanwhile writes the link.
    held = range;
    for (const m of [range.from, range.from + 1, range.from + 10]) {
      store.update((s) => ({ ...s, filters: { ...s.filters, from: m, to: m } }), { transient: true });
      sync.schedule('replace');
      store.update((s) => ({ ...s, view: { zoom: 5, lat: 34, lon: -118 } }));
      fw.flush();
    }
    expect(fw.w.location.hash).toBe('#map=5/34/-118&from=2019-01&to=2019-12');
    held = null;
  });
});

describe('UrlSync: when the link is written', () => {
  /** A window whose idle callbacks run only when the test says the page is idle. */
  function idleWindow() {
    const fw = fakeWindow();
    const idle = new Map<number, () => void>();
    let next = 1;
    const w: UrlWindow = {
      ...fw.w,
      requestIdleCallback: (f: () => void) => {
        idle.set(next, f);
        return next++;
      },
      cancelIdleCallback: (id: number) => void idle.delete(id),
    };
    const runIdle = () => {
      for (const [id, f] of [...idle]) {
        idle.delete(id);
        f();
      }
    };
    return { ...fw, w, idle, runIdle };
  }

  /** A sync on that window, with the state filtered to CA and a push scheduled. */
  function scheduledCA(opts: { listen?: boolean } = {}) {
    const fw = idleWindow();
    const store = new Store<AppState>(defaultState());
    const sync = new UrlSync(store, { before: () => undefined, notices: () => undefined, after: () => undefined }, fw.w);
    if (opts.listen) sync.listen();
    store.update((s) => ({ ...s, filters: { ...s.filters, states: ['CA'] } }));
    sync.schedule('push');
    return { fw, store, sync };
  }

  it('waits for an idle moment after its delay (never between a click and the map drawing it), then writes once', () => {
    const { fw } = scheduledCA();
    fw.flush();
    // The delay is over, the page is still busy: nothing written yet.
    expect(fw.entries).toEqual([]);
    expect(fw.idle.size).toBe(1);
    fw.runIdle();
    expect(fw.entries).toEqual(['push /#state=CA']);
  });

  it('a change while the write waits for idle replaces it: one write, with the latest state', () => {
    const { fw, store, sync } = scheduledCA();
    fw.flush();
    store.update((s) => ({ ...s, filters: { ...s.filters, states: ['NV'] } }));
    sync.schedule('replace');
    // The first write's idle callback was cancelled.
    expect(fw.idle.size).toBe(0);
    fw.flush();
    fw.runIdle();
    expect(fw.entries).toEqual(['push /#state=NV']);
  });

  it('a link restored by Back cancels a write still waiting for idle', () => {
    const { fw, store } = scheduledCA({ listen: true });
    fw.flush();
    fw.navigate('#state=TX');
    fw.runIdle();
    expect(fw.entries).toEqual([]);
    expect(store.state.filters.states).toEqual(['TX']);
  });
});
