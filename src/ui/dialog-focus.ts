/**
 * Closing any dialog (Escape, its × or its buttons) returns focus to what
 * had it before the dialog opened.
 */
export function returnFocusFromDialogs(doc: Document = document): void {
  let last: HTMLElement | null = null;
  doc.addEventListener('focusin', (e) => {
    const t = e.target as HTMLElement;
    if (!t.closest?.('dialog')) last = t;
  });
  for (const d of doc.querySelectorAll('dialog')) {
    d.addEventListener('close', () => {
      if (last?.isConnected) last.focus();
    });
  }
}

/** Keeps focus inside a dialog: Tab from its last control goes to its first, Shift+Tab the other way. */
export function trapFocus(d: HTMLDialogElement): void {
  d.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const stops = [...d.querySelectorAll<HTMLElement>('button, a[href], textarea, input, select')].filter((el) => !el.hidden && el.offsetParent !== null);
    if (!stops.length) return;
    const [first, last] = [stops[0], stops[stops.length - 1]];
    if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    } else if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    }
  });
}
