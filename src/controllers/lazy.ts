/**
 * Code a visitor does not need for the first view (dialogs, export, Find my
 * area's search) is loaded on first use, as its own chunk.
 */
import { notify } from '../ui/notices';
import { MSG } from '../i18n/messages';

/** Loads once and keeps the result; a failed load is forgotten, so the next use tries again. */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (!pending) {
      const p = load();
      pending = p;
      p.catch(() => {
        if (pending === p) pending = null;
      });
    }
    return pending;
  };
}

/**
 * A button whose dialog lives in a chunk of its own: the first click loads it
 * and then opens the dialog (the button is busy meanwhile); when the chunk
 * cannot be loaded a notice says so, with a button that tries again.
 */
export function opensOnClick(button: HTMLButtonElement, what: string, notices: HTMLElement, load: () => Promise<() => void>): void {
  const open = lazy(load);
  const kind = button.id || what;
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-busy') === 'true') return;
    button.setAttribute('aria-busy', 'true');
    try {
      const show = await open();
      notices.querySelector(`.notice-chunk[data-for="${kind}"]`)?.remove();
      show();
    } catch {
      notices.querySelector(`.notice-chunk[data-for="${kind}"]`)?.remove();
      const note = notify(notices, MSG.chunkFailed(what), 'error', {
        label: MSG.chunkRetry,
        run: () => {
          note.remove();
          button.click();
        },
      });
      note.classList.add('notice-chunk');
      note.dataset.for = kind;
    } finally {
      button.removeAttribute('aria-busy');
    }
  });
}
