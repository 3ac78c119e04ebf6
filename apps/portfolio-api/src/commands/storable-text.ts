import { ProblemError } from '@ecab/platform';

const MAX_DEPTH = 12;
/** In a `u` regular expression a paired surrogate is one code point; only a lone half is category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * PostgreSQL's jsonb cannot hold a NUL character or half of a surrogate pair, and no field of a
 * command needs deep nesting. Such input is refused with the place it was found, before any schema
 * runs, so that it can never reach the event store as a 500.
 */
export function rejectUnstorableText(value: unknown): void {
  const problems: { pointer: string; detail: string }[] = [];
  visit(value, '', 0, problems);
  if (problems.length > 0) throw ProblemError.validation(problems.slice(0, 20), 'The request holds text that cannot be stored.');
}

function visit(value: unknown, pointer: string, depth: number, problems: { pointer: string; detail: string }[]): void {
  if (problems.length >= 20) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) problems.push({ pointer, detail: 'must not contain the NUL character (\\u0000)' });
    else if (LONE_SURROGATE.test(value)) problems.push({ pointer, detail: 'must be well-formed Unicode (no lone surrogate halves)' });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth >= MAX_DEPTH) {
    problems.push({ pointer, detail: `is nested more than ${MAX_DEPTH} levels deep` });
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const childPointer = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (key.includes('\u0000') || LONE_SURROGATE.test(key)) problems.push({ pointer: childPointer, detail: 'is a field name that cannot be stored' });
    visit(child, childPointer, depth + 1, problems);
  }
}
