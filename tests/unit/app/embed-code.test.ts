/** The embed builder's output: iframe code that carries the view, escapes what it is given, and a resize listener that trusts only the map's origin. */
import { describe, expect, it } from 'vitest';
import { EMBED_PRESETS, RESIZE_MESSAGE, embedUrl, iframeCode, resizeListener } from '../../../src/share/embed-code';

const MAP = 'https://map.example.org/ring/#state=CA&perks=1';

describe('embedUrl', () => {
  it('adds the embed flag to the query and keeps the state in the hash', () => {
    const u = new URL(embedUrl(MAP));
    expect(u.searchParams.get('embed')).toBe('1');
    expect(u.hash).toBe('#state=CA&perks=1');
  });
});

describe('iframeCode', () => {
  it('embeds the map in a sandboxed, lazy iframe of the chosen size', () => {
    const code = iframeCode({ mapUrl: MAP, title: 'Ring partners in CA', width: '600', height: 450, autoResize: false });
    expect(code).toContain('src="https://map.example.org/ring/?embed=1#state=CA&amp;perks=1"');
    expect(code).toContain('width="600" height="450"');
    expect(code).toContain('loading="lazy"');
    expect(code).toContain('referrerpolicy="no-referrer"');
    expect(code).toMatch(/sandbox="[^"]*allow-scripts/);
    expect(code).not.toContain('<script');
    expect(code).not.toContain('data-ring-map-autoresize');
  });

  it('makes a responsive frame full width', () => {
    const code = iframeCode({ mapUrl: MAP, title: 't', width: '100%', height: 500, autoResize: false });
    expect(code).toContain('style="border:0;max-width:100%;width:100%;"');
  });

  it('escapes a hostile title so it cannot leave its attribute', () => {
    const code = iframeCode({ mapUrl: MAP, title: '"><script>alert(1)</script>&', width: '600', height: 450, autoResize: false });
    expect(code).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;"');
    expect(code).not.toContain('<script>alert');
  });

  it('with auto-resize, marks the frame and adds the listener for the map’s origin', () => {
    const code = iframeCode({ mapUrl: MAP, title: 't', width: '600', height: 450, autoResize: true });
    expect(code).toContain('data-ring-map-autoresize');
    expect(code).toContain('var ORIGIN = "https://map.example.org";');
  });

  it('with a description, names it from the frame and writes it as text under it; none without', () => {
    const code = iframeCode({ mapUrl: MAP, title: 't', width: '600', height: 450, autoResize: false, description: 'Map: 3 agencies.</p><script>alert(1)</script> & more' });
    const id = /aria-describedby="(ring-map-desc-[a-z0-9]+)"/.exec(code)![1];
    expect(code).toContain(`<p id="${id}" style="font-size:0.875em;margin:0.25em 0 1em;">Map: 3 agencies.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>`);
    expect(code).not.toContain('<script>alert');
    // Two views get two ids, so two embeds on one host page keep their own descriptions.
    expect(iframeCode({ mapUrl: MAP, title: 't', width: '600', height: 450, autoResize: false, description: 'Map: 4 agencies.' })).not.toContain(id);
    expect(iframeCode({ mapUrl: MAP, title: 't', width: '600', height: 450, autoResize: false })).not.toContain('aria-describedby');
  });

  it('offers presets with positive sizes', () => {
    for (const p of EMBED_PRESETS) {
      expect(p.height).toBeGreaterThan(0);
      expect(p.width === '100%' || Number(p.width) > 0).toBe(true);
    }
  });
});

describe('resizeListener', () => {
  /** Runs the listener's script against a stand-in page and returns what it does with a message. */
  function run(origin: string, msg: { origin: string; data: unknown }): string | null {
    const script = resizeListener(origin).replace(/^<script>|<\/script>$/g, '');
    let handler: ((e: unknown) => void) | null = null;
    const frame = { contentWindow: {}, style: { height: '' as string } };
    const window = { addEventListener: (_: string, f: (e: unknown) => void) => (handler = f) };
    const document = { querySelectorAll: () => [frame] };
    new Function('window', 'document', script)(window, document);
    handler!({ ...msg, source: frame.contentWindow });
    return frame.style.height || null;
  }

  it('sets the frame height from a message of the map’s origin', () => {
    expect(run('https://map.example.org', { origin: 'https://map.example.org', data: { type: RESIZE_MESSAGE, height: 612.3 } })).toBe('613px');
  });

  it('ignores other origins, other messages and absurd heights', () => {
    expect(run('https://map.example.org', { origin: 'https://evil.example', data: { type: RESIZE_MESSAGE, height: 600 } })).toBeNull();
    expect(run('https://map.example.org', { origin: 'https://map.example.org', data: { type: 'other', height: 600 } })).toBeNull();
    expect(run('https://map.example.org', { origin: 'https://map.example.org', data: { type: RESIZE_MESSAGE, height: 99999 } })).toBeNull();
    expect(run('https://map.example.org', { origin: 'https://map.example.org', data: { type: RESIZE_MESSAGE, height: 'x' } })).toBeNull();
  });
});
