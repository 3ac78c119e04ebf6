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

/**
 * The form an Accept header asks for: the acceptable media type of highest q (the first among equals) that is one
 * of the report's; `*` / `text/*` (or no header) is the page. 406 when it accepts none of them.
 */
export function formatAccepted(accept: string | undefined): QuarterlyFormat {
  if (accept === undefined || accept.trim() === '') return 'html';
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
    if (type === '*/*' || type === 'text/*' || type === 'text/html') return 'html';
    const found = QUARTERLY_FORMAT_NAMES.find((format) => QUARTERLY_FORMATS[format].split(';')[0] === type);
    if (found) return found;
  }
  throw new ProblemError({
    type: problemType('not-acceptable'),
    status: 406,
    detail: `The quarterly report is served as ${QUARTERLY_FORMAT_NAMES.map((f) => QUARTERLY_FORMATS[f].split(';')[0]).join(', ')}; the Accept header asks for none of them (or use ?format=).`,
    accept,
  });
}
