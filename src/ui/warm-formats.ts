/**
 * The first use of a number, date or sorting format loads its locale's data
 * (tens of milliseconds each on a slow machine). Done while the map's library
 * and the app are still loading, one format per idle moment, it is not paid
 * again in the app's first render, which the map waits for.
 */
import { compareText, formatInt, formatUsd } from './format';
import { monthLabel } from '../time/months';

const STEPS: (() => unknown)[] = [
  () => formatInt(1555),
  () => formatUsd(1),
  () => monthLabel(24_240),
  () => compareText('a', 'b'),
];

const whenIdle = (fn: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 0));

export function warmFormatsWhenIdle(from = 0): void {
  if (from >= STEPS.length) return;
  whenIdle(() => {
    STEPS[from]();
    warmFormatsWhenIdle(from + 1);
  });
}
