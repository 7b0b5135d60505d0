/**
 * Code a visitor does not need for the first view (dialogs, export, share)
 * loads when its button is first used: the button is live from the start,
 * its first click loads and sets up the feature, then opens it.
 */
export function onFirstUse(button: HTMLElement, setup: () => Promise<unknown>): void {
  button.hidden = false;
  let loading = false;
  const first = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
    if (loading) return;
    loading = true;
    button.setAttribute('aria-busy', 'true');
    void setup().then(
      () => {
        button.removeEventListener('click', first);
        button.removeAttribute('aria-busy');
        button.click();
      },
      () => {
        loading = false;
        button.removeAttribute('aria-busy');
      },
    );
  };
  button.addEventListener('click', first);
}
