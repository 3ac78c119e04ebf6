import type { Answer } from './command-catalogue.js';

/** What a classic mistake must be answered with: the fields named (400), the rule broken (422), or what is unknown (404). */
export type Refusal = { status: 400; fields: string[] } | { status: 422; code: string; details: Record<string, unknown> } | { status: 404; detail: RegExp };

/** The part of an answer a refusal is judged by. */
export function whatWasSaid(answer: Answer, refusal: Refusal): Record<string, unknown> {
  const body = answer.body;
  if (refusal.status === 400) {
    const errors = Array.isArray(body.errors) ? (body.errors as { pointer?: unknown; detail?: unknown }[]) : [];
    return {
      status: answer.status,
      type: body.type,
      fields: errors.map((e) => e.pointer).sort(),
      everyFieldSaysWhy: errors.every((e) => typeof e.detail === 'string' && e.detail.length > 0),
    };
  }
  if (refusal.status === 422) return { status: answer.status, type: body.type, code: body.code, details: body.details };
  return { status: answer.status, type: body.type, detail: body.detail };
}

/** What whatWasSaid must find, worked out from the case alone. */
export function whatMustBeSaid(refusal: Refusal): Record<string, unknown> {
  if (refusal.status === 400) return { status: 400, type: 'urn:problem:ecab:validation-failed', fields: [...refusal.fields].sort(), everyFieldSaysWhy: true };
  if (refusal.status === 422)
    return { status: 422, type: `urn:problem:ecab:rule/${refusal.code}`, code: refusal.code, details: expect.objectContaining(refusal.details) };
  return { status: 404, type: 'urn:problem:ecab:not-found', detail: expect.stringMatching(refusal.detail) };
}
