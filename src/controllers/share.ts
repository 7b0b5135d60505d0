/** Share, loaded on first use: the link to this exact view and the embed builder. */
import { describeFilters } from '../filters/filters';
import { monthLabel } from '../time/months';
import { setupShareDialog } from '../ui/share-dialog';
import { $ } from '../ui/dom';
import type { AppContext } from './context';

/** Builds the dialog; returns what opens it. `viewSetByHand`: the visitor placed the map (the embed then keeps that position by default). */
export function shareDialog(ctx: Pick<AppContext, 'store' | 'fullMapUrl'>, viewSetByHand: () => boolean): () => void {
  return setupShareDialog($('#share-dialog') as HTMLDialogElement, $('#share-button') as HTMLButtonElement, {
    url: () => ctx.fullMapUrl(),
    fitUrl: () => ctx.fullMapUrl({ fit: true }),
    viewSetByHand,
    describe: () => describeFilters(ctx.store.state.filters, monthLabel),
  });
}
