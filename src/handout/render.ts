/**
 * Draws a handout (handout-model.ts) into the page: the sheet that prints,
 * with its QR code. Text from the data goes through text nodes only; URLs
 * are printed in full and linked only when http(s).
 */
import { h, safeLink } from '../ui/dom';
import type { Handout, HandoutItem, HandoutSection } from './handout-model';
import { qrShape } from './qr';

const SVG = 'http://www.w3.org/2000/svg';

function qrSvg(link: string): SVGSVGElement {
  const q = qrShape(link);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${q.box} ${q.box}`);
  svg.setAttribute('class', 'qr-code');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `QR: ${link}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const bg = document.createElementNS(SVG, 'rect');
  for (const [k, v] of [['width', q.box], ['height', q.box], ['fill', '#fff']] as const) bg.setAttribute(k, String(v));
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', q.d);
  path.setAttribute('fill', '#000');
  svg.append(bg, path);
  return svg;
}

function item(i: HandoutItem, dataLang: boolean): HTMLLIElement {
  return h('li', { lang: dataLang && i.fromData ? 'en' : null },
    i.text,
    i.url ? h('span', { class: 'url' }, ' ', safeLink(i.url, i.url)) : null,
  );
}

function sectionBlock(s: HandoutSection, dataLang: boolean): HTMLElement {
  return h('section', { class: `sheet-section sheet-${s.id}` },
    s.heading ? h('h2', {}, s.heading) : null,
    s.items.length > 1 || s.heading ? h('ul', {}, ...s.items.map((i) => item(i, dataLang))) : h('p', {}, s.items[0]?.text ?? ''),
    s.more ? h('p', { class: 'more' }, s.moreText(s.more)) : null,
  );
}

/** The printable sheet for a handout. */
export function renderSheet(d: Handout): HTMLElement {
  const dataLang = d.locale !== 'en';
  return h('article', { class: `sheet sheet-${d.kind}`, 'aria-labelledby': 'sheet-title' },
    h('header', { class: 'sheet-head' },
      h('div', { class: 'sheet-titles' },
        h('p', { class: 'kicker' }, d.kicker),
        h('h1', { id: 'sheet-title' }, d.title),
        d.subtitle ? h('p', { class: 'subtitle' }, d.subtitle) : null,
        // Beside the code, not under it: the header stays as tall as the code.
        h('p', { class: 'qr-caption', id: 'qr-caption' }, d.qrCaption, ' ', h('span', { class: 'url live-link' }, safeLink(d.link, d.link))),
      ),
      h('figure', { class: 'qr', 'aria-describedby': 'qr-caption' }, qrSvg(d.link)),
    ),
    d.lead ? h('p', { class: 'lead' }, d.lead) : null,
    ...d.sections.map((s) => sectionBlock(s, dataLang)),
    h('p', { class: 'coverage-note' }, d.coverage),
    h('section', { class: 'sheet-section questions' },
      h('h2', {}, d.questionsTitle),
      h('ol', {}, ...d.questions.map((q) => h('li', {}, q))),
    ),
    h('footer', { class: 'sheet-foot' }, h('p', {}, `${d.asOf} ${d.credit}`)),
  );
}
