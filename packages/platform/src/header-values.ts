/**
 * Values that end up in a header: an HTTP response header (Node refuses anything outside Latin-1, and
 * control characters, by throwing — a 500) or a Kafka header (bytes another system may copy into its own
 * HTTP headers or logs). What a client sends is checked before it gets that far; what the platform writes
 * itself is made safe here.
 */

/** 1 to `max` visible ASCII characters (0x21–0x7E): ids a client chooses, e.g. X-Correlation-Id. */
export function isVisibleAscii(value: string, max = 200): boolean {
  return value.length >= 1 && value.length <= max && /^[\x21-\x7e]+$/.test(value);
}

/**
 * Printable Unicode text of 1 to `max` characters: no control characters (C0, DEL, C1), no line or
 * paragraph separators, no lone surrogate halves (they have no UTF-8 form). E.g. an external issuer's `sub`.
 */
export function isPrintableText(value: string, max = 255): boolean {
  return value.length >= 1 && value.length <= max && !/[\p{Cc}\p{Cs}\u2028\u2029]/u.test(value);
}

/**
 * Text made fit for an HTTP response header: every character outside printable ASCII becomes "?", and it
 * is cut to `max` characters. For text the platform composes that may quote a client's input.
 */
export function toHeaderValue(text: string, max = 512): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, '?');
  return ascii.length > max ? ascii.slice(0, max) : ascii;
}
