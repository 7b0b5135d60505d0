/**
 * The embed builder's output: iframe code for the current view and filters,
 * and the optional auto-resize listener for the host page. Pure strings.
 */
export const RESIZE_MESSAGE = 'ring-partnerships-map:height';

export interface EmbedOptions {
  /** The full-map URL of the current view (its hash carries the state). */
  mapUrl: string;
  title: string;
  /** CSS width: "100%" or pixels. */
  width: string;
  height: number;
  autoResize: boolean;
  /** What the frame shows, in words: a paragraph after the frame, which the frame names as its description. */
  description?: string;
}

/** Frame sizes, named in the interface's language by id (MSG.embedPresets). */
export const EMBED_PRESETS = [
  { id: 'responsive', width: '100%', height: 500 },
  { id: 'article', width: '600', height: 450 },
  { id: 'small', width: '480', height: 360 },
  { id: 'medium', width: '720', height: 480 },
  { id: 'large', width: '960', height: 640 },
] as const;

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The embed URL: the same state, with the embed flag. */
export function embedUrl(mapUrl: string): string {
  const u = new URL(mapUrl);
  u.searchParams.set('embed', '1');
  return u.href;
}

/** A short stable id for a description, so two embeds on one page keep their own. */
export function descriptionId(text: string): string {
  let x = 5381;
  for (let k = 0; k < text.length; k++) x = ((x * 33) ^ text.charCodeAt(k)) >>> 0;
  return `ring-map-desc-${x.toString(36)}`;
}

/** The description paragraph placed after a frame (escaped; plain text only). */
export function descriptionParagraph(id: string, text: string): string {
  const html = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<p id="${attr(id)}" style="font-size:0.875em;margin:0.25em 0 1em;">${html}</p>`;
}

export function iframeCode(o: EmbedOptions): string {
  const width = /^\d+$/.test(o.width) ? `${o.width}` : o.width;
  const style = `border:0;max-width:100%;${width === '100%' ? 'width:100%;' : ''}`;
  const desc = o.description?.trim() ? descriptionId(o.description.trim()) : null;
  const lines = [
    `<iframe src="${attr(embedUrl(o.mapUrl))}"`,
    `  title="${attr(o.title)}"${desc ? ` aria-describedby="${desc}"` : ''}`,
    `  width="${attr(width)}" height="${o.height}" style="${style}"`,
    `  loading="lazy" referrerpolicy="no-referrer" allow="geolocation"`,
    `  ${o.autoResize ? 'data-ring-map-autoresize ' : ''}sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>`,
  ];
  if (desc) lines.push(descriptionParagraph(desc, o.description!.trim()));
  if (o.autoResize) lines.push(resizeListener(new URL(o.mapUrl).origin));
  return lines.join('\n');
}

/** A small script for the host page: resizes the iframe to the height the map reports, from the map's origin only. */
export function resizeListener(origin: string): string {
  return [
    '<script>',
    '(function () {',
    `  var ORIGIN = ${JSON.stringify(origin)};`,
    '  window.addEventListener("message", function (e) {',
    `    if (e.origin !== ORIGIN || !e.data || e.data.type !== ${JSON.stringify(RESIZE_MESSAGE)}) return;`,
    '    var h = Number(e.data.height);',
    '    if (!(h > 0 && h < 5000)) return;',
    '    document.querySelectorAll("iframe[data-ring-map-autoresize]").forEach(function (f) {',
    '      if (f.contentWindow === e.source) f.style.height = Math.ceil(h) + "px";',
    '    });',
    '  });',
    '})();',
    '</script>',
  ].join('\n');
}
