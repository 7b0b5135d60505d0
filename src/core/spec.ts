/**
 * A small declaration language for the published contract, so the contract
 * is written once (contract.ts) and read two ways: `problem`/`conforms`
 * here, a few hundred bytes for the site, and `toZod` (schema.ts) for the
 * build, which wants zod's error paths. Only what the contract uses.
 */

export type Node =
  | { kind: 'string'; min?: number; pattern?: RegExp; check?: (s: string) => boolean; message?: string }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'literal'; value: string }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'nullable'; inner: Node }
  | { kind: 'optional'; inner: Node }
  | { kind: 'array'; item: Node; min: number }
  | { kind: 'tuple'; items: readonly Node[] }
  | { kind: 'object'; shape: Readonly<Record<string, Node>> };

/** A declared value of type T (the type exists only for the compiler). */
export interface Spec<T> {
  readonly node: Node;
  readonly __type?: T;
}
export type Infer<S> = S extends Spec<infer T> ? T : never;

type Shape = Record<string, Spec<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ObjectOf<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> }
>;

// Builders are marked free of side effects so a bundle keeps only the declarations it uses.
const spec = /* @__NO_SIDE_EFFECTS__ */ <T>(node: Node): Spec<T> => ({ node });

/** Text; `min` 1 also refuses text that is only whitespace. */
export const string = /* @__NO_SIDE_EFFECTS__ */ (o: { min?: number; pattern?: RegExp; check?: (s: string) => boolean; message?: string } = {}): Spec<string> =>
  spec({ kind: 'string', ...o });
/** A finite number within the bounds. */
export const number = /* @__NO_SIDE_EFFECTS__ */ (o: { min?: number; max?: number } = {}): Spec<number> => spec({ kind: 'number', ...o });
export const boolean = /* @__NO_SIDE_EFFECTS__ */ (): Spec<boolean> => spec({ kind: 'boolean' });
export const literal = /* @__NO_SIDE_EFFECTS__ */ <L extends string>(value: L): Spec<L> => spec({ kind: 'literal', value });
export const oneOf = /* @__NO_SIDE_EFFECTS__ */ <V extends string>(values: readonly V[]): Spec<V> => spec({ kind: 'enum', values });
export const nullable = /* @__NO_SIDE_EFFECTS__ */ <T>(s: Spec<T>): Spec<T | null> => spec({ kind: 'nullable', inner: s.node });
/** A key that may be absent (older data files lack it). */
export const optional = /* @__NO_SIDE_EFFECTS__ */ <T>(s: Spec<T>): Spec<T | undefined> & { optional: true } => ({ node: { kind: 'optional', inner: s.node }, optional: true });
export const array = /* @__NO_SIDE_EFFECTS__ */ <T>(s: Spec<T>, min = 0): Spec<T[]> => spec({ kind: 'array', item: s.node, min });
export const tuple = /* @__NO_SIDE_EFFECTS__ */ <A, B>(a: Spec<A>, b: Spec<B>): Spec<[A, B]> => spec({ kind: 'tuple', items: [a.node, b.node] });
export const object = /* @__NO_SIDE_EFFECTS__ */ <S extends Shape>(shape: S): Spec<ObjectOf<S>> & { shape: S } => ({
  node: { kind: 'object', shape: Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.node])) },
  shape,
});

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a value does not conform to a node (`path: reason`), or null when it does. */
function check(n: Node, v: unknown, path: string): string | null {
  const no = (reason: string) => `${path || 'value'}: ${reason}`;
  switch (n.kind) {
    case 'string':
      if (typeof v !== 'string') return no('not text');
      if (n.min !== undefined && v.trim().length < n.min) return no(n.min === 1 ? 'empty' : `shorter than ${n.min}`);
      if (n.pattern && !n.pattern.test(v)) return no(n.message ?? `does not match ${n.pattern}`);
      if (n.check && !n.check(v)) return no(n.message ?? 'not accepted');
      return null;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return no('not a finite number');
      if ((n.min !== undefined && v < n.min) || (n.max !== undefined && v > n.max)) return no('out of range');
      return null;
    case 'boolean':
      return typeof v === 'boolean' ? null : no('not true or false');
    case 'literal':
      return v === n.value ? null : no(`not "${n.value}"`);
    case 'enum':
      return typeof v === 'string' && n.values.includes(v) ? null : no(`not one of ${n.values.join(', ')}`);
    case 'nullable':
      return v === null ? null : check(n.inner, v, path);
    case 'optional':
      return v === undefined ? null : check(n.inner, v, path);
    case 'array':
      if (!Array.isArray(v)) return no('not a list');
      if (v.length < n.min) return no(`fewer than ${n.min}`);
      for (let i = 0; i < v.length; i++) {
        const p = check(n.item, v[i], `${path}.${i}`);
        if (p) return p;
      }
      return null;
    case 'tuple':
      if (!Array.isArray(v) || v.length !== n.items.length) return no(`not ${n.items.length} values`);
      for (let i = 0; i < n.items.length; i++) {
        const p = check(n.items[i], v[i], `${path}.${i}`);
        if (p) return p;
      }
      return null;
    case 'object':
      if (!isObj(v)) return no('not an object');
      for (const k in n.shape) {
        const p = check(n.shape[k], v[k], path ? `${path}.${k}` : k);
        if (p) return p;
      }
      return null;
  }
}

export function problem<T>(s: Spec<T>, v: unknown): string | null {
  return check(s.node, v, '');
}

export function conforms<T>(s: Spec<T>, v: unknown): v is T {
  return check(s.node, v, '') === null;
}
