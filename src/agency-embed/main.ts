/**
 * The one-agency embed (agency-embed.html?id=<id>&lang=es): loads that
 * agency's published record and shows it as a small text card, with no map
 * library. Posts its height to the host page like the map's embed.
 */
import '../styles/base.css';
import './agency-embed.css';
import { MSG } from '../i18n/messages';
import { agencyRecordPath, decodeAgencyRecord, isAgencyId } from '../data/agency-record';
import { RESIZE_MESSAGE } from '../share/embed-code';
import { renderAgency, renderMessage } from './render';

const MAP_DATA = `${import.meta.env.BASE_URL}generated/map/`;

function reportHeight(): void {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // Not sensitive, and the host's origin is unknown here.
    window.parent.postMessage({ type: RESIZE_MESSAGE, height }, '*');
  };
  new ResizeObserver(send).observe(document.body);
  send();
}

async function start(): Promise<void> {
  const root = document.getElementById('agency-embed')!;
  const base = location.href;
  reportHeight();
  const id = new URLSearchParams(location.search).get('id');
  if (!isAgencyId(id)) {
    renderMessage(root, MSG.agencyEmbedUnknown, base);
    return;
  }
  root.replaceChildren(MSG.agencyEmbedLoading);
  let res: Response;
  try {
    res = await fetch(`${MAP_DATA}${agencyRecordPath(id)}`, { credentials: 'same-origin' });
  } catch {
    renderMessage(root, MSG.agencyEmbedFailed, base);
    return;
  }
  if (res.status >= 500) {
    renderMessage(root, MSG.agencyEmbedFailed, base);
    return;
  }
  // A missing file is a 404, or on some hosts their fallback page: either way no such agency.
  const record = res.ok ? decodeAgencyRecord(await res.json().catch(() => null), id) : null;
  if (record) renderAgency(root, record.feature, record.metadata, base);
  else renderMessage(root, MSG.agencyEmbedUnknown, base);
}

void start();
