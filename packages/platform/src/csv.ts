/**
 * RFC 4180 CSV of a list of objects: a header row from the keys (in the order they first appear), nested
 * objects flattened as `a.b`, arrays as JSON, null and absent values empty; fields with a comma, a quote
 * or a line break are quoted, quotes doubled; lines end with CRLF. An empty list is an empty document.
 */
export function toCsv(items: readonly unknown[]): string {
  const rows = items.map((item) => flatten(item));
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of row.keys()) {
      if (seen.has(key)) continue;
      seen.add(key);
      columns.push(key);
    }
  }
  if (columns.length === 0) return '';
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(row.get(column) ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function flatten(value: unknown): Map<string, string> {
  const row = new Map<string, string>();
  const walk = (prefix: string, current: unknown): void => {
    if (isPlainObject(current)) {
      const entries = Object.entries(current);
      if (entries.length === 0 && prefix) row.set(prefix, '');
      for (const [key, inner] of entries) walk(prefix ? `${prefix}.${key}` : key, inner);
      return;
    }
    row.set(prefix || 'value', cell(current));
  };
  walk('', value);
  return row;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The media type to answer among `offered` (the first is the default), after the Accept header's
 * preferences (RFC 9110 §12.5.1: quality values, `type/*`, `*\/*`); `undefined` when the client accepts none.
 * On a tie the more specific match wins, then the order of `offered`.
 */
export function negotiateMediaType(accept: string | undefined, offered: readonly string[]): string | undefined {
  if (accept === undefined || accept.trim() === '') return offered[0];
  const ranges = accept
    .split(',')
    .map((part) => {
      const [range = '', ...parameters] = part.split(';').map((p) => p.trim());
      const q = parameters.find((p) => /^q=/i.test(p));
      const quality = q ? Number(q.slice(2)) : 1;
      return { range: range.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((r) => r.range !== '');
  let best: { type: string; quality: number; specificity: number } | undefined;
  for (const type of offered) {
    const [major] = type.split('/');
    let match: { quality: number; specificity: number } | undefined;
    for (const { range, quality } of ranges) {
      const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1;
      if (specificity < 0) continue;
      if (!match || specificity > match.specificity) match = { quality, specificity };
    }
    if (!match || match.quality <= 0) continue;
    if (!best || match.quality > best.quality || (match.quality === best.quality && match.specificity > best.specificity)) best = { type, ...match };
  }
  return best?.type;
}
