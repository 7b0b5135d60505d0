/**
 * A small, strict XML reader for the KML that Google My Maps exports, and
 * nothing more. It builds an element tree with the line of every element,
 * and refuses anything it cannot read with certainty:
 *  - no DTD at all (`<!DOCTYPE …>` is refused), so no entity declarations,
 *    no entity expansion ("billion laughs") and no external entities;
 *  - only the five predefined entities and numeric character references;
 *  - limits on input size, nesting depth and element count;
 *  - mismatched, unclosed or stray tags are errors with their line.
 * Namespaces are not resolved: a prefix is dropped (`gx:Track` → `Track`).
 * Pure: text in, tree out.
 */

export interface XmlElement {
  /** Local name (namespace prefix removed). */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside this element (text and CDATA), in order. */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

export class XmlError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

export const XML_LIMITS = {
  /** Characters of input (a full Ring map export is a few megabytes). */
  chars: 64 * 1024 * 1024,
  depth: 64,
  elements: 2_000_000,
};

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i === -1 ? qname : qname.slice(i + 1);
}

/** A code point allowed in XML 1.0 character data. */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

export function parseXml(input: string): XmlElement {
  if (input.length > XML_LIMITS.chars) throw new XmlError(1, `file is larger than ${XML_LIMITS.chars} characters`);
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const n = text.length;
  let i = 0;
  let line = 1;
  let count = 0;
  const advanceTo = (to: number) => {
    for (let k = text.indexOf('\n', i); k !== -1 && k < to; k = text.indexOf('\n', k + 1)) line++;
    i = to;
  };
  const decode = (raw: string, at: number): string => {
    if (raw.indexOf('&') === -1) return raw;
    return raw.replace(/&([^;&\s]{0,32});?/g, (m, ref: string) => {
      if (!m.endsWith(';')) throw new XmlError(at, `bare "&" (write &amp;)`);
      if (ref in PREDEFINED) return PREDEFINED[ref];
      const num = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(ref);
      if (num) {
        const cp = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
        if (!isXmlChar(cp)) throw new XmlError(at, `character reference &${ref}; is not an XML character`);
        return String.fromCodePoint(cp);
      }
      throw new XmlError(at, `unknown entity &${ref}; (only the five predefined entities are allowed)`);
    });
  };

  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: XmlElement[] = [root];
  const qnames: string[] = ['#document'];
  let sawRoot = false;

  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i) {
      const chunk = text.slice(i, end);
      const at = line;
      if (stack.length === 1) {
        if (chunk.trim()) throw new XmlError(at, 'text outside the root element');
      } else stack[stack.length - 1].text += decode(chunk, at);
      advanceTo(end);
    }
    if (lt === -1) break;
    const at = line;
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) throw new XmlError(at, 'unterminated comment');
      advanceTo(close + 3);
    } else if (text.startsWith('<![CDATA[', i)) {
      const close = text.indexOf(']]>', i + 9);
      if (close === -1) throw new XmlError(at, 'unterminated CDATA section');
      if (stack.length === 1) throw new XmlError(at, 'CDATA outside the root element');
      stack[stack.length - 1].text += text.slice(i + 9, close);
      advanceTo(close + 3);
    } else if (text.startsWith('<!', i)) {
      // DOCTYPE (and with it every entity declaration) is refused outright.
      throw new XmlError(at, /^<!DOCTYPE/i.test(text.slice(i, i + 9)) ? 'DOCTYPE declarations are not allowed (no DTDs or entity declarations)' : 'markup declarations are not allowed');
    } else if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      if (close === -1) throw new XmlError(at, 'unterminated processing instruction');
      advanceTo(close + 2);
    } else if (text.startsWith('</', i)) {
      const close = text.indexOf('>', i + 2);
      if (close === -1) throw new XmlError(at, 'unterminated end tag');
      const qname = text.slice(i + 2, close).trim();
      const open = stack[stack.length - 1];
      if (stack.length === 1) throw new XmlError(at, `end tag </${qname}> without a start tag`);
      if (qnames[qnames.length - 1] !== qname) {
        throw new XmlError(at, `end tag </${qname}> does not match <${qnames[qnames.length - 1]}> opened on line ${open.line}`);
      }
      stack.pop();
      qnames.pop();
      advanceTo(close + 1);
    } else {
      // Start tag: scan to the closing ">" outside attribute quotes.
      let j = i + 1;
      let quote = 0;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 62 /* > */) break;
        else if (c === 60 /* < */) throw new XmlError(at, '"<" inside a tag');
      }
      if (j >= n) throw new XmlError(at, 'unterminated start tag');
      const selfClosing = text.charCodeAt(j - 1) === 47; /* / */
      const inner = text.slice(i + 1, selfClosing ? j - 1 : j);
      const m = /^([^\s/>]+)/.exec(inner);
      if (!m || !NAME.test(m[1])) throw new XmlError(at, `invalid tag name "${(m?.[1] ?? inner).slice(0, 40)}"`);
      const qname = m[1];
      const attrs: Record<string, string> = {};
      const rest = inner.slice(qname.length);
      const attrRe = /\s+([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gy;
      let k = 0;
      for (;;) {
        attrRe.lastIndex = k;
        const a = attrRe.exec(rest);
        if (!a) break;
        if (!NAME.test(a[1])) throw new XmlError(at, `invalid attribute name "${a[1].slice(0, 40)}"`);
        const v = a[2] ?? a[3];
        if (v.includes('<')) throw new XmlError(at, '"<" in an attribute value');
        if (Object.hasOwn(attrs, a[1])) throw new XmlError(at, `attribute "${a[1]}" repeated`);
        attrs[a[1]] = decode(v, at);
        k = attrRe.lastIndex;
      }
      if (rest.slice(k).trim()) throw new XmlError(at, `malformed attributes in <${qname}>`);
      if (stack.length === 1) {
        if (sawRoot) throw new XmlError(at, 'more than one root element');
        sawRoot = true;
      }
      if (++count > XML_LIMITS.elements) throw new XmlError(at, `more than ${XML_LIMITS.elements} elements`);
      if (stack.length > XML_LIMITS.depth) throw new XmlError(at, `elements nested deeper than ${XML_LIMITS.depth}`);
      const el: XmlElement = { name: localName(qname), attrs, children: [], text: '', line: at };
      stack[stack.length - 1].children.push(el);
      if (!selfClosing) {
        stack.push(el);
        qnames.push(qname);
      }
      advanceTo(j + 1);
    }
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1];
    throw new XmlError(line, `<${qnames[qnames.length - 1]}> opened on line ${open.line} is never closed`);
  }
  if (!sawRoot) throw new XmlError(line, 'no root element');
  return root.children[0];
}

/** Direct children with this local name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Every descendant with this local name, in document order. */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}
