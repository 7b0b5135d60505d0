/** A minimal observable store: one state object, replaced on every change. */
export type Listener<S> = (state: S, prev: S) => void;

export class Store<S> {
  private listeners = new Set<Listener<S>>();
  constructor(private current: S) {}

  get state(): S {
    return this.current;
  }

  update(fn: (s: S) => S): void {
    const prev = this.current;
    const next = fn(prev);
    if (next === prev) return;
    this.current = next;
    for (const l of this.listeners) l(next, prev);
  }

  subscribe(l: Listener<S>): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
