/**
 * The skip link moves focus to its target without following its `#…` href:
 * the page's link hash holds the view's state, and a fragment there would
 * be read as a parameter (and the filters dropped). Without JavaScript the
 * href still works as an ordinary in-page link.
 */
export function bindSkipLink(link: HTMLAnchorElement, doc: Document = document): void {
  link.addEventListener('click', (e) => {
    const id = link.getAttribute('href')?.replace(/^#/, '') ?? '';
    const target = id ? doc.getElementById(id) : null;
    if (!target) return;
    e.preventDefault();
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView?.({ block: 'start' });
    target.focus({ preventScroll: true });
  });
}
