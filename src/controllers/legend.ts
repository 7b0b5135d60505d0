/** The map legend: what it shows for the current layers and data, and whether it is folded. */
import type { AgencyIndex } from '../data/agency-index';
import type { MapView } from '../map/map-view';
import { legendExamples } from '../map/perks-layer';
import type { AppState, LayerId } from '../state/app-state';
import { renderLegend } from '../ui/legend';
import { coversTooMuch, smallFrame } from '../ui/legend-fold';
import { $ } from '../ui/dom';
import type { StartColors } from './colors';
import type { SearchLegend } from '../search/search-legend';

export interface LegendModel {
  perkExamples: { usd: number; r: number }[];
  densityBreaks: number[];
  countyBreaks: number[];
}

const windowSize = () => ({ width: window.innerWidth, height: window.innerHeight });

export class Legend {
  private collapsed: boolean;
  /** The visitor folded or unfolded it: no longer follows the frame size. */
  private toggled = false;
  private root = $('#legend');
  /** The sizes the last fold decision was made for: decided again only when they change. */
  private fittedFor = '';
  /** What it last drew (its inputs), and its size then: an unchanged legend is not drawn or measured again. */
  private drawn = '';
  private size = '';

  constructor(
    private index: AgencyIndex,
    private colors: StartColors,
    private deps: { state(): AppState; map(): MapView | null; search(): SearchLegend | null },
    private embed: boolean,
  ) {
    this.collapsed = smallFrame(embed, windowSize());
    // A resized window or embed frame folds or unfolds the legend, until the visitor chooses.
    window.addEventListener('resize', () => {
      if (!this.toggled) this.render();
    });
  }

  /** What the legends (on screen and in exported images) show for the current data. */
  model(): LegendModel {
    const mv = this.deps.map();
    const perks = mv?.perks;
    return {
      perkExamples: legendExamples(this.index).map((usd) => ({ usd, r: perks ? perks.radiusFor(usd) : 8 })),
      densityBreaks: mv?.density?.breaks.length ? mv.density.breaks : [1, 2, 3, 4, 5],
      countyBreaks: mv?.density?.countyBreaks ?? [],
    };
  }

  /** Redraws it; a bigger or smaller legend keeps what the app framed clear of it. */
  render(): void {
    const folded = this.fit();
    // Unchanged (most filter changes, the map's start): no DOM work and no layout read.
    if (!this.renderNow() && !folded) return;
    const size = `${this.root.offsetWidth}x${this.root.offsetHeight}`;
    // Only when its size changed, as reframing moves the map, which can redraw the legend.
    if (size !== this.size) {
      this.size = size;
      this.deps.map()?.reframe();
    }
  }

  /**
   * Starts folded where it would hide much of the map (small frames, or open
   * it would cover more than its share): the agencies under it stay in sight.
   * Measured open at the start and when the window is resized, until the
   * visitor chooses; a key added later (a search, a layer) grows it as it is,
   * and the framing keeps the agencies clear of it.
   */
  private fit(): boolean {
    if (this.toggled) return false;
    const map = $('.map-wrap');
    const key = [window.innerWidth, window.innerHeight, map.clientWidth, map.clientHeight].join('|');
    if (key === this.fittedFor) return false;
    this.fittedFor = key;
    if (smallFrame(this.embed, windowSize())) {
      this.collapsed = true;
      return true;
    }
    this.collapsed = false;
    this.renderNow();
    this.collapsed = coversTooMuch({ width: this.root.offsetWidth, height: this.root.offsetHeight }, { width: map.clientWidth, height: map.clientHeight });
    return true;
  }

  /** Redraws it without reframing the map; false when what it shows has not changed. */
  renderNow(): boolean {
    const input = { layers: this.deps.state().layers, dateDomain: this.colors.domain, ...this.model(), search: this.deps.search() };
    // What it shows: the perk sizes and the density classes count only with their layer on.
    const on = (l: LayerId) => input.layers.includes(l);
    const key = JSON.stringify([this.collapsed, input.layers, input.search, on('points') && input.dateDomain, on('perks') && input.perkExamples,
      on('density') && [input.densityBreaks, input.countyBreaks]]);
    if (key === this.drawn) return false;
    this.drawn = key;
    renderLegend(this.root, input, this.collapsed, () => {
      this.collapsed = !this.collapsed;
      this.toggled = true;
      this.render();
    });
    return true;
  }
}
