/**
 * Keeps the URL and the state in step: changes are written to the URL hash
 * (batched; filter changes add a history entry, moves replace it), and
 * Back/Forward or an edited hash restore the state from the link. The hash
 * itself is pure parse/format (state/url-state.ts).
 */
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { formatUrlState, parseUrlState } from '../state/url-state';

/** The slice of `window` this controller uses (a stand-in in unit tests). */
export interface UrlWindow {
  location: { pathname: string; search: string; hash: string };
  history: { pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: 'popstate' | 'hashchange', f: () => void): void;
  setTimeout(f: () => void, ms: number): number;
  clearTimeout(id: number): void;
  requestIdleCallback?(f: () => void, opts: { timeout: number }): number;
  cancelIdleCallback?(id: number): void;
}

export interface RestoreHooks {
  /** Before the restored state is applied: stop whatever could overwrite it (an animation, a pending edit). */
  before(): void;
  /** The link's own notices (ignored parameters). */
  notices(list: string[]): void;
  /** After it is applied (while `restoring` is still true): frame the map for it. */
  after(state: AppState): void;
  /** The state the link carries, when it differs from the one shown (while Play runs: the chosen range, not the month on screen). */
  linkState?(state: AppState): AppState;
}

/**
 * The state a link restores: the link's, except what a link never carries,
 * which stays as the visitor set it (the street map; an embed stays an embed).
 */
export function restoredState(current: AppState, fromLink: AppState): AppState {
  return { ...fromLink, embed: current.embed || fromLink.embed, basemap: current.basemap };
}

/** The full-map URL of a state, for sharing and embedding: never in embed mode, never with the visitor's own location. */
export function fullMapUrl(href: string, s: AppState, opts: { fit?: boolean } = {}): string {
  const u = new URL(href);
  u.searchParams.delete('embed');
  // `fit`: no map position, so the map frames the filtered agencies in whatever size it opens (embeds).
  u.hash = formatUrlState({ ...s, view: opts.fit ? null : s.view, embed: false, area: s.area?.startsWith('@') ? null : s.area, compare: s.compare?.startsWith('@') ? null : s.compare });
  return u.href;
}

export class UrlSync {
  private timer = 0;
  private idle = 0;
  private pendingMode: 'push' | 'replace' = 'replace';
  /** popstate and hashchange both fire for one hash navigation: apply each URL once. */
  private appliedHash: string | null = null;
  private restoringNow = false;

  constructor(
    private store: Store<AppState>,
    private hooks: RestoreHooks,
    private win: UrlWindow = window,
    private delay = 250,
  ) {}

  /** True while a link's state is being applied: moves then are the link's, not the visitor's. */
  get restoring(): boolean {
    return this.restoringNow;
  }

  listen(): void {
    this.win.addEventListener('popstate', () => this.restore());
    this.win.addEventListener('hashchange', () => this.restore());
  }

  /** Writes the state to the URL soon; `push` adds a history entry (unless embedded: the host page's Back is not ours). */
  schedule(mode: 'push' | 'replace'): void {
    if (this.restoringNow) return;
    if (mode === 'push') this.pendingMode = 'push';
    this.cancel();
    // Writing the URL (pushState) can take tens of ms on a slow device: it waits for a quiet moment, so it never
    // lands between a click and the map's first frame with the click's result.
    this.timer = this.win.setTimeout(() => {
      if (this.win.requestIdleCallback) this.idle = this.win.requestIdleCallback(() => this.write(), { timeout: 500 });
      else this.write();
    }, this.delay);
  }

  private cancel(): void {
    this.win.clearTimeout(this.timer);
    if (this.idle) this.win.cancelIdleCallback?.(this.idle);
    this.idle = 0;
  }

  private write(): void {
    const { location: loc, history } = this.win;
    const url = `${loc.pathname}${loc.search}${formatUrlState(this.hooks.linkState?.(this.store.state) ?? this.store.state)}`;
    if (url !== `${loc.pathname}${loc.search}${loc.hash}`) {
      if (this.pendingMode === 'push' && !this.store.state.embed) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    this.appliedHash = loc.hash;
    this.pendingMode = 'replace';
  }

  restore(): void {
    const hash = this.win.location.hash;
    if (hash === this.appliedHash) return;
    this.appliedHash = hash;
    const { state, notices } = parseUrlState(hash, this.win.location.search);
    this.hooks.notices(notices);
    // Nothing queued from before may overwrite the restored state.
    this.hooks.before();
    this.cancel();
    this.pendingMode = 'replace';
    this.restoringNow = true;
    try {
      this.store.update((s) => restoredState(s, state));
      this.hooks.after(this.store.state);
    } finally {
      this.restoringNow = false;
    }
  }
}
