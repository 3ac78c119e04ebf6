import { OPENAPI_PATH } from './openapi.js';

/** A JSON API answers data, never a page: nothing may be loaded, framed or run from its answers. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The Swagger UI page (/api/docs): its own scripts and style sheet, the inline style block and data: images
 * of its template, and requests to this origin only (the document, and "Try it out").
 */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * A self-contained HTML page of the app's own (a report): nothing loaded from anywhere, and only its own
 * inline style block, named by its SHA-256 (base64), may apply; a route serving pages of several versions
 * (each with its own style block) names each.
 */
export function styledPageContentSecurityPolicy(...styleSha256Base64: [string, ...string[]]): string {
  const styles = styleSha256Base64.map((hash) => `'sha256-${hash}'`).join(' ');
  return `default-src 'none'; style-src ${styles}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;
}

/** The headers every answer carries, whatever it is. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), geolocation=(), microphone=(), payment=(), usb=()',
};

/** The Content-Security-Policy for a request path: the docs page's own, the API's everywhere else. */
export function contentSecurityPolicyFor(path: string): string {
  const docs = `/${OPENAPI_PATH}`;
  return path === docs || path.startsWith(`${docs}/`) ? DOCS_CONTENT_SECURITY_POLICY : API_CONTENT_SECURITY_POLICY;
}
