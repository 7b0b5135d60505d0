/** A minimal observable store: one state object, replaced on every change. */

/** How a change came about, passed to every listener with it. */
export interface Change {
  /**
   * A step of something still running (a timeline animation frame): listeners
   * skip announcements and work nobody can follow, and the URL is replaced,
   * not pushed.
   */
  transient: boolean;
}

export type Listener<S> = (state: S, prev: S, change: Change) => void;

export class Store<S> {
  private listeners = new Set<Listener<S>>();
  constructor(private current: S) {}

  get state(): S {
    return this.current;
  }

  update(fn: (s: S) => S, change: Partial<Change> = {}): void {
    const prev = this.current;
    const next = fn(prev);
    if (next === prev) return;
    this.current = next;
    const c: Change = { transient: change.transient ?? false };
    for (const l of this.listeners) l(next, prev, c);
  }

  subscribe(l: Listener<S>): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
