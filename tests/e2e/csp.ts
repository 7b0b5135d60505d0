/** The recommended Content-Security-Policy from the README: the built site and its pages must work under it. */
export const CSP =
  "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self'; frame-ancestors *; base-uri 'none'; form-action 'none'";
