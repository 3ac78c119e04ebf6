import { ProblemError, problemType } from '@ecab/platform';

/** The forms the quarterly report is served in, each with its media type and the file name's extension. */
export const QUARTERLY_FORMATS = {
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type QuarterlyFormat = keyof typeof QUARTERLY_FORMATS;
export const QUARTERLY_FORMAT_NAMES = Object.keys(QUARTERLY_FORMATS) as [QuarterlyFormat, ...QuarterlyFormat[]];

/** What an Accept header is matched against: the forms offered, the one `*` / `text/*` (or no header) gets, and what is served. */
export interface Offer {
  offered: readonly QuarterlyFormat[];
  preferred: QuarterlyFormat;
  what: string;
}
const LIVE_REPORT: Offer = { offered: QUARTERLY_FORMAT_NAMES, preferred: 'html', what: 'The quarterly report' };
const mediaType = (format: QuarterlyFormat) => QUARTERLY_FORMATS[format].split(';')[0] as string;

/**
 * The form an Accept header asks for: the acceptable media type of highest q (the first among equals) that is one
 * of the forms offered; `*` (or no header) is the preferred form (the live report's page; a filing's own format),
 * `text/*` the preferred form if it is text, else the page. 406 when it accepts none of them.
 */
export function formatAccepted(accept: string | undefined, offer: Offer = LIVE_REPORT): QuarterlyFormat {
  const textual = offer.preferred === 'html' || offer.preferred === 'csv' ? offer.preferred : 'html';
  if (accept === undefined || accept.trim() === '') return offer.preferred;
  const ranges = accept
    .split(',')
    .map((part, index) => {
      const [type = '', ...parameters] = part.split(';').map((p) => p.trim().toLowerCase());
      const q = Number(parameters.find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { type, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { type } of ranges) {
    if (type === '*/*') return offer.preferred;
    if (type === 'text/*' && offer.offered.includes(textual)) return textual;
    const found = offer.offered.find((format) => mediaType(format) === type);
    if (found) return found;
  }
  throw new ProblemError({
    type: problemType('not-acceptable'),
    status: 406,
    detail: `${offer.what} is served as ${offer.offered.map(mediaType).join(', ')}; the Accept header asks for none of them${offer === LIVE_REPORT ? ' (or use ?format=)' : ''}.`,
    accept,
    offered: offer.offered.map(mediaType),
  });
}
