import { CLUSTER_RULE_CODES } from './cluster/cluster.js';
import { DATE_RULE_CODES } from './dates/iso-date.js';
import { IDENTIFIER_RULE_CODES } from './identifiers/identifier.js';
import { MONEY_RULE_CODES } from './money/money.js';
import { PROJECT_RULE_CODES } from './project/rule-codes.js';
import { AGREEMENT_RULE_CODES } from './agreement/rule-codes.js';
import { MILESTONE_RULE_CODES } from './milestones/rule-codes.js';
import { RESULTS_RULE_CODES } from './results/rule-codes.js';
import { CONTRACT_PACKAGE_RULE_CODES } from './contract-package/rule-codes.js';
import { PERFORMANCE_REVIEW_RULE_CODES } from './performance-review/rule-codes.js';
import { PROGRAMME_RULE_CODES } from './programme/rule-codes.js';
import { ORGANISATION_RULE_CODES } from './organisation/rule-codes.js';
import { EXCHANGE_RATES_RULE_CODES } from './exchange-rates/rule-codes.js';
import { COUNTRY_RULE_CODES } from './recipient-countries/country-shares.js';
import { CODE_LIST_RULE_CODES } from './code-lists/coded.js';
import { WORLD_DATE_RULE_CODES } from './dates/world-dates.js';
import { DECIMAL_RULE_CODES } from './decimal/decimal.js';
import { IATI_IDENTIFIER_RULE_CODES } from './iati-identifiers/iati-identifier.js';
import { NAME_RULE_CODES } from './localized-names/localized-names.js';
import { ORGANISATION_REFERENCE_RULE_CODES } from './organisation-reference/organisation-reference.js';
import { POLICY_MARKER_RULE_CODES } from './policy-markers/policy-marker-set.js';
import { REASON_RULE_CODES } from './reasons/reason.js';
import { SECTOR_RULE_CODES } from './sectors/sector-set.js';
import { SOURCE_RULE_CODES } from './sourcing/source.js';

/** Every code a DomainRuleViolation can carry, so the API can map each one to an HTTP status exhaustively. */
export const RULE_CODES = [
  ...PROJECT_RULE_CODES,
  ...AGREEMENT_RULE_CODES,
  ...MILESTONE_RULE_CODES,
  ...RESULTS_RULE_CODES,
  ...CONTRACT_PACKAGE_RULE_CODES,
  ...PERFORMANCE_REVIEW_RULE_CODES,
  ...PROGRAMME_RULE_CODES,
  ...ORGANISATION_RULE_CODES,
  ...EXCHANGE_RATES_RULE_CODES,
  ...IDENTIFIER_RULE_CODES,
  ...CLUSTER_RULE_CODES,
  ...COUNTRY_RULE_CODES,
  ...MONEY_RULE_CODES,
  ...DATE_RULE_CODES,
  ...WORLD_DATE_RULE_CODES,
  ...CODE_LIST_RULE_CODES,
  ...DECIMAL_RULE_CODES,
  ...SOURCE_RULE_CODES,
  ...REASON_RULE_CODES,
  ...NAME_RULE_CODES,
  ...ORGANISATION_REFERENCE_RULE_CODES,
  ...IATI_IDENTIFIER_RULE_CODES,
  ...SECTOR_RULE_CODES,
  ...POLICY_MARKER_RULE_CODES,
] as const;
export type RuleCode = (typeof RULE_CODES)[number];
