/**
 * Compare with another place, over the store: the second search box, the
 * two answers side by side in Find my area's answer box, both places on the
 * map, and the facts the exported image writes. The link carries
 * `compare=` beside `area=`.
 */
import type { AppState } from '../state/app-state';
import { cleanText } from '../core/text';
import { CompareBox } from '../ui/compare-box';
import type { AreaSearch } from '../ui/area-search';
import { renderComparison } from '../ui/area-compare-view';
import type { AreaFacts } from '../search/area-compare';
import type { Suggestion } from '../search/area-query';
import type { AreaFinder } from './area-finder';
import type { SearchLegend } from '../search/search-legend';
import type { AppContext } from './context';
import type { AreaShape } from '../map/area-layer';

type CompareContext = Pick<AppContext, 'store' | 'derived' | 'set'>;

export class Comparing {
  private box: CompareBox;
  /** The facts of both places while comparing (null otherwise): the exported image writes them. */
  facts: [AreaFacts | null, AreaFacts | null] | null = null;
  /** Both places as drawn on the map while comparing. */
  shapes: AreaShape[] = [];

  constructor(
    root: HTMLElement,
    private answerBox: AreaSearch,
    private ctx: CompareContext,
    private hooks: { select(i: number): void; suggest(text: string): Promise<Suggestion[]> },
  ) {
    this.box = new CompareBox({
      onCompare: (q) => {
        const compare = q === null ? null : cleanText(q) || null;
        ctx.set({ compare, agency: null });
      },
      suggest: (text) => hooks.suggest(text),
    });
    // Under the search's controls, above the answer.
    root.insertBefore(this.box.el, root.querySelector('#area-result'));
    this.sync(ctx.store.state);
  }

  /** What an exported image adds while comparing: both places drawn, and their facts in words. */
  forExport(): { shapes: AreaShape[]; facts: AreaFacts[] } | null {
    if (!this.facts) return null;
    const facts = this.facts.filter((f): f is AreaFacts => f !== null);
    return facts.length ? { shapes: this.shapes, facts } : null;
  }

  sync(s: AppState): void {
    this.box.sync(s.area, s.compare);
    if (!s.area || !s.compare) {
      this.facts = null;
      this.shapes = [];
    }
  }

  /** Shows both answers and both places; returns what the legend says. `current` is false once a newer search started. */
  async run(finder: AreaFinder, s: AppState & { area: string; compare: string }, located: string | null, fly: boolean, current: () => boolean): Promise<SearchLegend | null> {
    const out = await finder.compare(s, this.ctx.derived.mask, located);
    if (!current()) return null;
    this.facts = out.facts;
    this.shapes = out.shapes;
    this.box.close();
    this.answerBox.show(renderComparison(out.outcomes, out.facts, [s.area, s.compare], {
      onSelect: (i) => this.hooks.select(i),
      onChoose: (k, value) => this.ctx.set(k ? { compare: value } : { area: value }),
    }));
    if (out.legend) out.show(fly);
    else finder.clear();
    return out.legend;
  }
}
