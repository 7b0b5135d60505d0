/**
 * DOM helpers that never interpret data as HTML: text always goes through
 * text nodes, and links only get an href when it is http(s).
 */
import { isHttpUrl } from '../core/contract';

type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'href' || k === 'src' || k.startsWith('on')) throw new Error(`use safeLink for ${k}`);
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** The URL itself when it is an absolute http(s) URL, else null. */
export function safeUrl(url: string | null | undefined): string | null {
  return url && isHttpUrl(url) ? new URL(url).href : null;
}

/**
 * An external link when the URL is http(s); otherwise the text alone, so a
 * `javascript:` or `data:` URL from the data can never become clickable.
 */
export function safeLink(url: string | null | undefined, text: string, attrs: Attrs = {}): HTMLElement {
  const href = safeUrl(url);
  if (!href) return h('span', attrs, text);
  const a = h('a', { ...attrs, target: '_blank', rel: 'noopener noreferrer external' }, text);
  a.href = href;
  return a;
}

/**
 * A message with the data's own words in it: `format` places a marker where
 * the data goes, and the data is wrapped in lang="en" (it is published in
 * English), so screen readers read it as English in a Spanish page.
 */
export function withData(format: (slot: string) => string, data: string): (string | HTMLElement)[] {
  const slot = '\u0000';
  return format(slot).split(slot).flatMap((part, k) => (k ? [h('span', { lang: 'en' }, data), part] : [part])).filter((p) => p !== '');
}

/** Like withData, for words that are either the data's own (marked as English) or already in the page's language. */
export function withWords(format: (slot: string) => string, words: string, fromData: boolean): (string | HTMLElement)[] {
  return fromData ? withData(format, words) : [format(words)];
}

export function $(sel: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector(sel);
  if (!el) throw new Error(`missing element ${sel}`);
  return el as HTMLElement;
}
