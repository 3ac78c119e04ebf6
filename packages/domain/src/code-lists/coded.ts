import { DomainRuleViolation } from '../decider/domain-rule-violation.js';

/** IATI Standard version the code lists in apps/reporting/iati/codelists belong to. */
export const IATI_CODELIST_VERSION = '2.03';

/** A coded field as stored: the code, the list it comes from and that list's version. */
export interface Coded<Code extends string = string> {
  readonly code: Code;
  readonly codelist: string;
  readonly version: string;
}

/** A code list (or the part of it the portfolio uses): its IATI name and its codes with English names. */
export interface CodeList<Code extends string> {
  readonly name: string;
  readonly version: string;
  readonly codes: Readonly<Record<Code, string>>;
}

export const CODE_LIST_RULE_CODES = ['CODE_NOT_IN_LIST'] as const;
export type CodeListRuleCode = (typeof CODE_LIST_RULE_CODES)[number];

export function isCodeIn<Code extends string>(list: CodeList<Code>, value: unknown): value is Code {
  return typeof value === 'string' && Object.hasOwn(list.codes, value);
}

/** The value as a coded field of `list`, or a CODE_NOT_IN_LIST violation naming the field and the list. */
export function checkCode<Code extends string>(list: CodeList<Code>, value: string, field: string): Coded<Code> {
  if (!isCodeIn(list, value)) {
    throw new DomainRuleViolation<CodeListRuleCode>('CODE_NOT_IN_LIST', `${JSON.stringify(value)} is not a code of ${list.name} for ${field}`, {
      field,
      codelist: list.name,
      value: String(value),
      allowed: Object.keys(list.codes),
    });
  }
  return { code: value, codelist: list.name, version: list.version };
}
