/**
 * Sharing and embedding: in an embed, the bar saying what is shown (with a
 * link to the full map) and the height reported to the host page; on the
 * full map, the Share button, whose dialog is loaded on first use.
 */
import { describeFilters } from '../filters/filters';
import { reportHeight } from '../share/resize-reporter';
import { monthLabel } from '../time/months';
import { EmbedBar } from '../ui/embed-bar';
import { agenciesLabel } from '../ui/labels';
import { $ } from '../ui/dom';
import { MSG } from '../i18n/messages';
import type { AppContext } from './context';
import { opensOnClick } from './lazy';

export class Embed {
  private bar: EmbedBar | null = null;

  constructor(
    private ctx: Pick<AppContext, 'store' | 'derived' | 'fullMapUrl' | 'index' | 'inViewMask'>,
    viewSetByHand: () => boolean,
  ) {
    document.body.classList.toggle('embed', ctx.store.state.embed);
    if (ctx.store.state.embed) {
      this.bar = new EmbedBar($('#embed-bar'));
      reportHeight();
    }
    opensOnClick($('#share-button') as HTMLButtonElement, MSG.chunkShare, $('#notices'), async () => (await import('./share')).shareDialog(ctx, viewSetByHand));
  }

  /** The bar follows the filters, the count and the view (its link). */
  render(): void {
    this.bar?.render(describeFilters(this.ctx.store.state.filters, monthLabel), agenciesLabel(this.ctx.derived.count), this.ctx.fullMapUrl());
  }
}
