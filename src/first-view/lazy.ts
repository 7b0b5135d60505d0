/**
 * Code a visitor does not need for the first view (dialogs, export, share)
 * loads when its button is first used: the button is live from the start;
 * pointing at it or focusing it starts the download, its first click sets
 * the feature up and then opens it.
 */
export function onFirstUse<M>(button: HTMLElement, load: () => Promise<M>, setup: (module: M) => void): void {
  button.hidden = false;
  let loading: Promise<M> | null = null;
  const preload = () => (loading ??= load());
  let busy = false;
  const first = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
    if (busy) return;
    busy = true;
    button.setAttribute('aria-busy', 'true');
    preload().then(
      (m) => {
        button.removeEventListener('click', first);
        button.removeAttribute('aria-busy');
        setup(m);
        button.click();
      },
      () => {
        // A failed download (offline): the next click tries again.
        busy = false;
        loading = null;
        button.removeAttribute('aria-busy');
      },
    );
  };
  for (const type of ['pointerenter', 'focus', 'touchstart']) button.addEventListener(type, preload, { once: true, passive: true });
  button.addEventListener('click', first);
}
