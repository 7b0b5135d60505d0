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
