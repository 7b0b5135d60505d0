/**
 * The strict XML reader behind the KML importer: saxes (a well-formedness
 * checking XML 1.0 parser) builds an element tree with the line of every
 * element, in time linear in the input, and refuses anything it cannot read
 * with certainty:
 *  - no DTD at all (`<!DOCTYPE …>` is refused), so no entity declarations,
 *    no entity expansion ("billion laughs") and no external entities;
 *  - only the five predefined entities and numeric character references;
 *  - limits on input size, nesting depth and element count;
 *  - mismatched, unclosed or stray tags are errors with their line.
 * Namespaces are not resolved: a prefix is dropped (`gx:Track` → `Track`).
 * Pure: text in, tree out.
 */
import { SaxesParser } from 'saxes';

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

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i === -1 ? qname : qname.slice(i + 1);
}

/** saxes' reasons, in the words the importer has always used where they differ. */
function reason(message: string, open: { name: string; line: number } | undefined): string {
  const m = message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
  if (/^undefined entity/.test(m)) return 'unknown entity (only the five predefined entities are allowed)';
  if (/only one root/.test(m)) return 'more than one root element';
  if (/^disallowed character in entity name|^invalid character entity/.test(m) || /^unterminated entity/.test(m)) return `bare "&" or unreadable entity (write &amp;): ${m}`;
  if (/^malformed character entity|character reference/.test(m)) return `character reference is not an XML character: ${m}`;
  if (/^unexpected close tag/.test(m) && open) return `end tag does not match <${open.name}> opened on line ${open.line}`;
  if (/^unmatched closing tag: (.*)$/.test(m)) return `end tag </${m.slice(m.indexOf(':') + 2)}> without a start tag`;
  if (/^text data outside of root node/.test(m)) return 'text outside the root element';
  if (/^attribute .* is repeated|^duplicate attribute/.test(m)) return `attribute repeated: ${m}`;
  return m;
}

function lineAt(text: string, at: number): number {
  let line = 1;
  for (let k = text.indexOf('\n'); k !== -1 && k < at; k = text.indexOf('\n', k + 1)) line++;
  return line;
}

export function parseXml(input: string): XmlElement {
  if (input.length > XML_LIMITS.chars) throw new XmlError(1, `file is larger than ${XML_LIMITS.chars} characters`);
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const parser = new SaxesParser({ position: true });
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: XmlElement[] = [root];
  const qnames: string[] = ['#document'];
  let count = 0;
  let startLine = 1;
  let sawRoot = false;

  parser.on('doctype', (doctype) => {
    // DOCTYPE (and with it every entity declaration) is refused outright, at the line it starts on.
    const at = parser.line - (doctype.match(/\n/g)?.length ?? 0);
    throw new XmlError(at, 'DOCTYPE declarations are not allowed (no DTDs or entity declarations)');
  });
  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    if (stack.length === 1) {
      if (sawRoot) throw new XmlError(startLine, 'more than one root element');
      sawRoot = true;
    }
    if (++count > XML_LIMITS.elements) throw new XmlError(startLine, `more than ${XML_LIMITS.elements} elements`);
    if (stack.length > XML_LIMITS.depth) throw new XmlError(startLine, `elements nested deeper than ${XML_LIMITS.depth}`);
    const el: XmlElement = { name: localName(tag.name), attrs: { ...(tag.attributes as Record<string, string>) }, children: [], text: '', line: startLine };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
    qnames.push(tag.name);
  });
  // saxes closes the elements a wrong end tag skips before it reports it: the last one closed is the one left open.
  let lastClosed: { name: string; line: number } | undefined;
  parser.on('closetag', () => {
    lastClosed = { name: qnames[qnames.length - 1], line: stack[stack.length - 1].line };
    stack.pop();
    qnames.pop();
  });
  const addText = (t: string) => {
    if (stack.length > 1) stack[stack.length - 1].text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (e) => {
    // saxes reads a bare "&" up to the next ";" anywhere after it: name the "&" instead of what follows.
    if (/unclosed tag|entity name|undefined entity|unexpected end/.test(e.message)) {
      const amp = /&(?![A-Za-z_][\w.-]*;|#\d+;|#x[0-9a-fA-F]+;)/.exec(text);
      if (amp) throw new XmlError(lineAt(text, amp.index), 'bare "&" (write &amp;)');
    }
    if (/unclosed tag/.test(e.message) && stack.length > 1) {
      throw new XmlError(parser.line, `<${qnames[qnames.length - 1]}> opened on line ${stack[stack.length - 1].line} is never closed`);
    }
    throw new XmlError(parser.line, reason(e.message, lastClosed));
  });
  parser.write(text);
  parser.close();
  if (!sawRoot) throw new XmlError(parser.line, 'no root element');
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
