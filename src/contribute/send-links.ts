/**
 * Where a finished submission row can be sent, when the dataset names a
 * place for it (data/dataset.json: contribute_email, contribute_repository):
 * a mailto: link and a pre-filled new-issue URL. Both values are read from
 * published data and treated as untrusted: anything that is not plainly an
 * address or an owner/repository gives no link. Pure: no DOM.
 */

/** Longest link a mail client or browser reliably takes (mailto is the tighter of the two). */
export const MAX_MAILTO = 2000;
export const MAX_ISSUE_URL = 8000;

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

export interface SendConfig {
  email: string | null;
  repository: string | null;
}

/** The configuration as published, each value kept only when well formed. */
export function readSendConfig(meta: unknown): SendConfig {
  const m = (meta && typeof meta === 'object' ? meta : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof m[k] === 'string' ? (m[k] as string).trim() : '');
  const email = str('contribute_email');
  const repository = str('contribute_repository');
  return {
    email: email.length <= 254 && EMAIL.test(email) ? email : null,
    repository: REPOSITORY.test(repository) && !repository.split('/')[1].startsWith('.') ? repository : null,
  };
}

/** RFC 6068 wants %20, not +, and every reserved character escaped. */
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface Message {
  subject: string;
  /** The body with the row in it. */
  body: string;
  /** What to send when that body makes the link too long: asks for the downloaded file instead. */
  shortBody: string;
}

function fit(make: (body: string) => string, m: Message, max: number): string | null {
  const full = make(m.body);
  if (full.length <= max) return full;
  const short = make(m.shortBody);
  return short.length <= max ? short : null;
}

/** mailto: link to the configured address, or null when none is configured or the link cannot be kept short enough. */
export function mailtoUrl(email: string | null, m: Message): string | null {
  if (!email || !EMAIL.test(email)) return null;
  return fit((body) => `mailto:${email}?subject=${enc(m.subject.slice(0, 200))}&body=${enc(body)}`, m, MAX_MAILTO);
}

/** https://github.com/<owner>/<repo>/issues/new?title=…&body=… , or null. */
export function issueUrl(repository: string | null, m: Message): string | null {
  if (!repository || !REPOSITORY.test(repository)) return null;
  const [owner, repo] = repository.split('/');
  const base = `https://github.com/${enc(owner)}/${enc(repo)}/issues/new`;
  return fit((body) => `${base}?title=${enc(m.subject.slice(0, 200))}&body=${enc(body)}`, m, MAX_ISSUE_URL);
}
