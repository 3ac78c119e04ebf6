import { checkCluster, type Cluster } from '../cluster/cluster.js';
import type { DecisionContext } from '../decider/decider.js';
import { useCase } from '../decider/use-case.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { resolveEffectiveDate } from '../dates/world-dates.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { normalizeLocalizedNames } from '../localized-names/localized-names.js';
import type { RegisterProgramme } from './commands.js';
import type { ProgrammeRegistered } from './events.js';
import type { ProgrammeState } from './programme-state.js';
import type { ProgrammeRuleCode } from './rule-codes.js';

const fail = (code: ProgrammeRuleCode, message: string, details: Record<string, string> = {}) =>
  new DomainRuleViolation<ProgrammeRuleCode>(code, message, details);

/** Aliases are searchable names (ABEC, ABCI): trimmed, non-blank, each once ignoring case. */
function checkAliases(aliases: readonly string[]): string[] {
  const seen = new Set<string>();
  return aliases.map((alias) => {
    const trimmed = alias.trim();
    if (trimmed === '') throw fail('PROGRAMME_ALIAS_BLANK', 'An alias cannot be blank');
    if (seen.has(trimmed.toLowerCase())) throw fail('DUPLICATE_PROGRAMME_ALIAS', `Alias ${trimmed} is listed twice`, { alias: trimmed });
    seen.add(trimmed.toLowerCase());
    return trimmed;
  });
}

function checkClusters(clusters: readonly string[]): Cluster[] {
  if (clusters.length === 0) throw fail('PROGRAMME_CLUSTERS_REQUIRED', 'A programme lists the clusters its projects belong to');
  const checked = clusters.map(checkCluster);
  const duplicate = checked.find((cluster, index) => checked.indexOf(cluster) !== index);
  if (duplicate !== undefined) throw fail('DUPLICATE_PROGRAMME_CLUSTER', `Cluster ${duplicate} is listed twice`, { cluster: duplicate });
  return checked;
}

export function decideRegisterProgramme({ data }: RegisterProgramme, state: ProgrammeState, { today }: DecisionContext): ProgrammeRegistered[] {
  if (state.registered) throw fail('PROGRAMME_ALREADY_REGISTERED', `Programme ${data.programmeId} is already registered`, { programmeId: data.programmeId });
  checkIdentifier(data.programmeId, 'programmeId');
  return [
    {
      type: 'ProgrammeRegistered',
      data: {
        programmeId: data.programmeId,
        effectiveDate: resolveEffectiveDate(data.effectiveDate, today),
        names: normalizeLocalizedNames(data.names),
        aliases: checkAliases(data.aliases ?? []),
        clusters: checkClusters(data.clusters),
      },
    },
  ];
}

/** `RegisterProgramme`: the command's type and the rule that decides it (dispatched by decide.ts, named by the api's endpoint). */
export const registerProgrammeUseCase = useCase('RegisterProgramme', decideRegisterProgramme);
