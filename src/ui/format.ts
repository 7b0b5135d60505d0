/** Number and text formatting for the interface. */
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const int = new Intl.NumberFormat('en-US');

export function formatUsd(v: number | null, atLeast = false): string {
  if (v === null || Number.isNaN(v)) return 'not documented';
  return (atLeast ? 'at least ' : '') + usd.format(v);
}

export function formatCount(v: number | null, atLeast = false): string {
  if (v === null || Number.isNaN(v)) return 'not documented';
  return (atLeast ? 'at least ' : '') + int.format(v);
}

export function formatInt(v: number): string {
  return int.format(v);
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${int.format(n)} ${n === 1 ? one : many}`;
}

/** Shortens very long untrusted strings for compact places (list rows, tooltips). */
export function ellipsize(s: string, max = 120): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
