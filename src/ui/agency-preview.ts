/**
 * Pointing at or tabbing to an agency's name in a list shows which dot it
 * is on the map (the map's tooltip), so names and dots can be matched
 * without clicking each one.
 */
export function bindAgencyPreview(roots: HTMLElement[], indexOf: (id: string) => number | undefined, show: (i: number) => void, hide: () => void): void {
  const target = (e: Event) => (e.target as Element | null)?.closest?.<HTMLElement>('button[data-id]') ?? null;
  const enter = (e: Event) => {
    const b = target(e);
    const i = b?.dataset.id ? indexOf(b.dataset.id) : undefined;
    if (i !== undefined) show(i);
  };
  const leave = (e: Event) => {
    if (target(e)) hide();
  };
  for (const root of roots) {
    root.addEventListener('focusin', enter);
    root.addEventListener('mouseover', enter);
    root.addEventListener('focusout', leave);
    root.addEventListener('mouseout', leave);
  }
}
