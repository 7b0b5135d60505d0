/**
 * The import report's list of changes to agencies that were already in the
 * tables: which field went from what to what, and the input row that asked
 * for it. Every importer reports its changes this way.
 */
export interface Change {
  agency: string;
  /** `city`, `county`, `neighbors_portal start_date`, `program device_donation`, … */
  field: string;
  /** Empty when the field was empty. */
  from: string;
  to: string;
  /** The input row: `submissions/x.csv:3`, `map.kml:120 placemark 7`. */
  source: string;
}

/** One line of the report: `agency: field "from" → "to" (source)`. */
export function changeLine(c: Change): string {
  const v = (s: string) => (s ? `"${s}"` : '(empty)');
  return `${c.agency}: ${c.field} ${v(c.from)} → ${v(c.to)} (${c.source})`;
}
