/** Share, loaded on first use: the link to this exact view, the embed builder, and the open card's agency embed. */
import { setupShareDialog } from '../ui/share-dialog';
import { $ } from '../ui/dom';
import type { AppContext } from './context';
import { viewAltText } from './alt-text';

type ShareDeps = Pick<AppContext, 'store' | 'fullMapUrl' | 'index' | 'derived' | 'inViewMask'>;

/** The agency whose card is open (the link's `agency`), as the embed section names it. */
function openAgency(ctx: ShareDeps): { id: string; name: string; place: string } | null {
  const id = ctx.store.state.agency;
  const i = id === null ? undefined : ctx.index.byId.get(id);
  if (i === undefined) return null;
  const r = ctx.index.rows[i];
  return { id: r.id, name: r.name, place: [r.city, r.county, r.state].filter(Boolean).join(', ') };
}

/** Builds the dialog; returns what opens it. `viewSetByHand`: the visitor placed the map (the embed then keeps that position by default). */
export function shareDialog(ctx: ShareDeps, viewSetByHand: () => boolean): () => void {
  return setupShareDialog($('#share-dialog') as HTMLDialogElement, $('#share-button') as HTMLButtonElement, {
    url: () => ctx.fullMapUrl(),
    fitUrl: () => ctx.fullMapUrl({ fit: true }),
    viewSetByHand,
    // The embed frames the whole selection: its title and description say what that is.
    describe: () => viewAltText(ctx, false).headline,
    description: () => viewAltText(ctx, false).description,
    agency: () => openAgency(ctx),
  });
}
