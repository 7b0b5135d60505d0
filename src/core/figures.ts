/**
 * "At least": a program's figures may be documented floors ("at least 20
 * devices", "more than $5,000"). An agency's total of a figure is a floor
 * when any program's figure in that total is one; the card, the list, the
 * totals and the downloads all read it from here.
 */
export type FigureKey = 'devices_given' | 'perk_value_usd' | 'subsidy_usd';

export const FIGURE_KEYS: readonly FigureKey[] = ['devices_given', 'perk_value_usd', 'subsidy_usd'];
/** The figures in dollars: the "documented value" summed on the map. */
export const DOLLAR_KEYS: readonly FigureKey[] = ['perk_value_usd', 'subsidy_usd'];

type FigureProgram = { at_least: boolean } & { [K in FigureKey]: number | null };

/** Whether the total of these figures over these programs is a floor. */
export function isFloor(programs: readonly FigureProgram[], keys: readonly FigureKey[] = FIGURE_KEYS): boolean {
  return programs.some((g) => g.at_least && keys.some((k) => g[k] !== null));
}
