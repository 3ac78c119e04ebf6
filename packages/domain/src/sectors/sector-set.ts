import { checkCluster } from '../cluster/cluster.js';
import { checkCode, IATI_CODELIST_VERSION, type Coded } from '../code-lists/coded.js';
import { DAC_SECTORS } from '../code-lists/dac-sectors.js';
import { SECTOR_VOCABULARY, type SectorVocabularyCode } from '../code-lists/iati-code-lists.js';
import { DomainRuleViolation, type JsonValue } from '../decider/domain-rule-violation.js';
import { formatHundredths, percentageToHundredths } from '../percentages/hundredths.js';

/** A sector line as the caller sends it: vocabulary 1 (DAC 5-digit) or 98/99 (ECAB cluster codes). */
export interface SectorShare {
  readonly vocabulary: string;
  readonly code: string;
  readonly percentage: number;
}

/** A sector line as stored: coded vocabulary and code, and the share within its vocabulary. */
export interface ProjectSector {
  readonly vocabulary: Coded<SectorVocabularyCode>;
  readonly code: Coded;
  readonly percentage: number;
}

export const SECTOR_RULE_CODES = [
  'SECTORS_REQUIRED',
  'DAC_SECTOR_REQUIRED',
  'UNKNOWN_DAC_SECTOR',
  'DAC_SECTOR_WITHDRAWN',
  'DUPLICATE_SECTOR',
  'SECTOR_PERCENTAGE_NOT_POSITIVE',
  'SECTOR_PERCENTAGE_TOO_PRECISE',
  'SECTOR_PERCENTAGES_MUST_SUM_TO_100',
  'SECTOR_CLUSTER_MISMATCH',
] as const;
export type SectorRuleCode = (typeof SECTOR_RULE_CODES)[number];

function violation(code: SectorRuleCode, message: string, details: Record<string, JsonValue>) {
  return new DomainRuleViolation<SectorRuleCode>(code, message, details);
}

/**
 * The whole sector set of a project: DAC codes always present (a cluster code alone is not a
 * sector for IATI), each code once, shares positive with ≤ 2 decimals summing to 100 per vocabulary,
 * and cluster codes (98/99) naming the project's own cluster.
 */
export function checkSectorSet(sectors: readonly SectorShare[], projectCluster: string): ProjectSector[] {
  if (sectors.length === 0) throw violation('SECTORS_REQUIRED', 'At least one sector is required', {});
  const seen = new Set<string>();
  const totals = new Map<string, number>();
  const result: ProjectSector[] = [];
  for (const sector of sectors) {
    const vocabulary = checkCode(SECTOR_VOCABULARY, sector.vocabulary, 'sectors.vocabulary');
    const key = `${vocabulary.code}:${sector.code}`;
    if (seen.has(key))
      throw violation('DUPLICATE_SECTOR', `Sector ${sector.code} (vocabulary ${vocabulary.code}) is listed twice`, {
        vocabulary: vocabulary.code,
        code: sector.code,
      });
    seen.add(key);
    const code: Coded = vocabulary.code === '1' ? checkDacSector(sector.code) : checkClusterSector(sector.code, projectCluster, vocabulary.code);
    const hundredths = sector.percentage > 0 && Number.isFinite(sector.percentage) ? percentageToHundredths(sector.percentage) : -1;
    if (hundredths === -1)
      throw violation('SECTOR_PERCENTAGE_NOT_POSITIVE', `The share of sector ${sector.code} must be greater than 0`, { code: sector.code });
    if (hundredths === undefined)
      throw violation('SECTOR_PERCENTAGE_TOO_PRECISE', `The share of sector ${sector.code} may have at most 2 decimals`, {
        code: sector.code,
        percentage: sector.percentage,
      });
    totals.set(vocabulary.code, (totals.get(vocabulary.code) ?? 0) + hundredths);
    result.push({ vocabulary, code, percentage: sector.percentage });
  }
  if (!totals.has('1')) throw violation('DAC_SECTOR_REQUIRED', 'A DAC (vocabulary 1) sector is required alongside any cluster code', {});
  for (const [vocabulary, total] of totals) {
    if (total !== 100_00) {
      throw violation('SECTOR_PERCENTAGES_MUST_SUM_TO_100', `Sector shares in vocabulary ${vocabulary} add up to ${formatHundredths(total)}%, not 100%`, {
        vocabulary,
        total: formatHundredths(total),
      });
    }
  }
  return result;
}

function checkDacSector(code: string): Coded {
  if (!Object.hasOwn(DAC_SECTORS, code)) throw violation('UNKNOWN_DAC_SECTOR', `${JSON.stringify(code)} is not a DAC 5-digit sector code`, { code });
  if (DAC_SECTORS[code as keyof typeof DAC_SECTORS].withdrawn) throw violation('DAC_SECTOR_WITHDRAWN', `DAC sector ${code} has been withdrawn`, { code });
  return { code, codelist: 'Sector', version: IATI_CODELIST_VERSION };
}

function checkClusterSector(code: string, projectCluster: string, vocabulary: string): Coded {
  const cluster = checkCluster(code);
  if (cluster !== projectCluster) {
    throw violation('SECTOR_CLUSTER_MISMATCH', `The project belongs to the ${projectCluster} cluster, not ${cluster}`, { code, projectCluster });
  }
  return { code: cluster, codelist: `ECAB cluster (vocabulary ${vocabulary})`, version: '1' };
}
