import { CLUSTER_RULE_CODES } from './cluster/cluster.js';
import { DATE_RULE_CODES } from './dates/iso-date.js';
import { IDENTIFIER_RULE_CODES } from './identifiers/identifier.js';
import { MONEY_RULE_CODES } from './money/money.js';
import { PROJECT_RULE_CODES } from './project/rule-codes.js';
import { COUNTRY_RULE_CODES } from './recipient-countries/country-shares.js';

/** Every code a DomainRuleViolation can carry, so the API can map each one to an HTTP status exhaustively. */
export const RULE_CODES = [
  ...PROJECT_RULE_CODES,
  ...IDENTIFIER_RULE_CODES,
  ...CLUSTER_RULE_CODES,
  ...COUNTRY_RULE_CODES,
  ...MONEY_RULE_CODES,
  ...DATE_RULE_CODES,
] as const;
export type RuleCode = (typeof RULE_CODES)[number];
