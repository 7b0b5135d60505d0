/** Layer switches. */
import type { LayerId } from '../state/app-state';
import { LAYER_IDS } from '../state/app-state';
import { h } from './dom';
import { MSG } from '../i18n/messages';

/** In the page's language (the table is filled in place when the language is set). */
export const LAYER_LABELS: Record<LayerId, string> = MSG.layerLabels;

export class LayersPanel {
  private boxes = new Map<LayerId, HTMLInputElement>();
  private online: HTMLInputElement;

  constructor(root: HTMLElement, onChange: (layers: LayerId[]) => void, onBasemap: (online: boolean) => void) {
    const items = LAYER_IDS.map((id) => {
      const box = h('input', { type: 'checkbox', id: `layer-${id}`, value: id });
      this.boxes.set(id, box);
      box.addEventListener('change', () => onChange(LAYER_IDS.filter((l) => this.boxes.get(l)!.checked)));
      return h('label', { class: 'check', for: `layer-${id}` }, box, ` ${LAYER_LABELS[id]}`);
    });
    this.online = h('input', { type: 'checkbox', id: 'basemap-online' });
    this.online.addEventListener('change', () => onBasemap(this.online.checked));
    root.replaceChildren(
      ...items,
      h('label', { class: 'check online', for: 'basemap-online' }, this.online, ` ${MSG.streetMap} `,
        h('span', { class: 'muted' }, MSG.streetMapNote)),
    );
  }

  render(layers: readonly LayerId[], online: boolean): void {
    for (const [id, box] of this.boxes) box.checked = layers.includes(id);
    this.online.checked = online;
  }
}
