export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * A command broke a business rule. `code` is stable and machine-readable (the API maps it to an
 * HTTP status and problem+json once); `details` is plain JSON the caller can show or act on.
 */
export class DomainRuleViolation<Code extends string = string> extends Error {
  override readonly name = 'DomainRuleViolation';

  constructor(
    readonly code: Code,
    message: string,
    readonly details?: Readonly<Record<string, JsonValue>>,
  ) {
    super(message);
  }
}

export function isDomainRuleViolation(error: unknown): error is DomainRuleViolation {
  return error instanceof DomainRuleViolation;
}
