/** The map legend: what it shows for the current layers and data, and whether it is folded. */
import type { AgencyIndex } from '../data/agency-index';
import type { MapView } from '../map/map-view';
import { legendExamples } from '../map/perks-layer';
import type { AppState } from '../state/app-state';
import { renderLegend } from '../ui/legend';
import { $ } from '../ui/dom';
import type { StartColors } from './colors';

export interface LegendModel {
  perkExamples: { usd: number; r: number }[];
  densityBreaks: number[];
  countyBreaks: number[];
}

/** Phones, and small embed frames (the legend would cover the map they embed), start with the legend folded. */
function smallFrame(embed: boolean): boolean {
  return embed ? window.innerWidth < 600 || window.innerHeight < 500 : window.matchMedia('(max-width: 700px)').matches;
}

export class Legend {
  private collapsed: boolean;
  /** The visitor folded or unfolded it: no longer follows the frame size. */
  private toggled = false;
  private root = $('#legend');

  constructor(
    private index: AgencyIndex,
    private colors: StartColors,
    private deps: { state(): AppState; map(): MapView | null; search(): { radius: number | null; county: boolean } | null },
    embed: boolean,
  ) {
    this.collapsed = smallFrame(embed);
    // An embed frame resized by its host (auto-resize) folds or unfolds the legend, until the visitor chooses.
    if (embed) {
      window.addEventListener('resize', () => {
        const small = smallFrame(true);
        if (!this.toggled && small !== this.collapsed) {
          this.collapsed = small;
          this.render();
        }
      });
    }
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
    const before = `${this.root.offsetWidth}x${this.root.offsetHeight}`;
    this.renderNow();
    // Only when its size changed, as reframing moves the map, which can redraw the legend.
    if (`${this.root.offsetWidth}x${this.root.offsetHeight}` !== before) this.deps.map()?.reframe();
  }

  /** Redraws it without reframing the map. */
  renderNow(): void {
    renderLegend(
      this.root,
      { layers: this.deps.state().layers, dateDomain: this.colors.domain, ...this.model(), search: this.deps.search() },
      this.collapsed,
      () => {
        this.collapsed = !this.collapsed;
        this.toggled = true;
        this.render();
      },
    );
  }
}
