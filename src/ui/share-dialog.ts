/** The Share dialog: the link to this exact view, and the embed builder. */
import { EMBED_PRESETS, iframeCode } from '../share/embed-code';
import { h } from './dom';
import { copyText as copy } from './copy-text';
import { MSG } from '../i18n/messages';
import { agencyEmbedSection, type AgencyEmbedTarget } from './agency-embed-section';

export interface ShareContext {
  /** The full-map URL of what is on screen now. */
  url(): string;
  /** The same without the map position: the map frames the filtered agencies in whatever size it opens. */
  fitUrl(): string;
  /** The map position was set by hand (dragged or zoomed), not by framing the selection. */
  viewSetByHand(): boolean;
  /** What the embed shows in one line, for the iframe title. */
  describe(): string;
  /** What the embed shows in full (its alt text), for the description under the frame. */
  description(): string;
  /** The agency whose card is open, for "Embed this agency"; null when none is. */
  agency?(): AgencyEmbedTarget | null;
}

export function setupShareDialog(dialog: HTMLDialogElement, button: HTMLButtonElement, ctx: ShareContext): () => void {
  button.hidden = false;
  const close = h('button', { type: 'button', class: 'close', 'aria-label': MSG.close }, '×');
  close.addEventListener('click', () => dialog.close());
  const link = h('input', { id: 'share-link', type: 'text', readonly: true, 'aria-describedby': 'share-link-note' });
  const linkStatus = h('span', { class: 'muted', 'aria-live': 'polite' });
  const copyLink = h('button', { type: 'button', class: 'find' }, MSG.copyLink);
  copyLink.addEventListener('click', () => void copy(link.value, link, linkStatus));

  const preset = h('select', { id: 'embed-size' }, ...EMBED_PRESETS.map((p, k) => h('option', { value: k }, MSG.embedPresets[p.id] ?? p.id)));
  const title = h('input', { id: 'embed-title', type: 'text', maxlength: 200 });
  const resize = h('input', { id: 'embed-resize', type: 'checkbox' });
  const fit = h('input', { id: 'embed-fit', type: 'checkbox', 'aria-describedby': 'embed-fit-note' });
  const fitNote = h('p', { id: 'embed-fit-note', class: 'muted' });
  const code = h('textarea', { id: 'embed-code', readonly: true, rows: 8, spellcheck: 'false' });
  const codeStatus = h('span', { class: 'muted', 'aria-live': 'polite' });
  const copyCode = h('button', { type: 'button', class: 'find' }, MSG.copyEmbed);
  copyCode.addEventListener('click', () => void copy(code.value, code, codeStatus));

  const refresh = () => {
    const p = EMBED_PRESETS[Number(preset.value)] ?? EMBED_PRESETS[0];
    fitNote.textContent = fit.checked ? MSG.embedFitNote : MSG.embedFixedNote;
    code.value = iframeCode({ mapUrl: fit.checked ? ctx.fitUrl() : link.value, title: title.value.trim() || MSG.embedDefaultTitle, width: p.width, height: p.height, autoResize: resize.checked, description: ctx.description() });
  };
  for (const el of [preset, title, resize, fit]) el.addEventListener('input', refresh);
  preset.addEventListener('change', refresh);

  const agency = agencyEmbedSection();
  dialog.replaceChildren(
    h('div', { class: 'dialog-head' }, h('h2', { id: 'share-title' }, MSG.shareTitle), close),
    agency.element,
    h('h3', {}, h('label', { for: 'share-link' }, MSG.shareLink)),
    h('p', { id: 'share-link-note', class: 'muted' }, MSG.shareLinkNote),
    h('div', { class: 'copy-row' }, link, copyLink),
    linkStatus,
    h('h3', {}, MSG.embedHeading),
    h('p', { class: 'muted' }, MSG.embedNote),
    h('label', { class: 'field', for: 'embed-size' }, MSG.sizeLabel),
    preset,
    h('label', { class: 'check', for: 'embed-fit' }, fit, ` ${MSG.embedFitLabel}`),
    fitNote,
    h('label', { class: 'field', for: 'embed-title' }, MSG.embedTitleLabel),
    title,
    h('label', { class: 'check', for: 'embed-resize' }, resize, ` ${MSG.embedResize}`),
    h('label', { class: 'field', for: 'embed-code' }, MSG.embedCode),
    code,
    h('div', { class: 'copy-row' }, copyCode, codeStatus),
  );
  dialog.setAttribute('aria-labelledby', 'share-title');
  // The owner opens it (on the button's click, once this module is loaded).
  return () => {
    link.value = ctx.url();
    title.value = MSG.embedTitleFor(ctx.describe());
    linkStatus.textContent = codeStatus.textContent = '';
    // Framing the selection is the default unless someone placed the map by hand.
    fit.checked = !ctx.viewSetByHand();
    agency.show(ctx.agency?.() ?? null, ctx.url());
    refresh();
    dialog.showModal();
  };
}
