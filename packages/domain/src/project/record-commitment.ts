import type { DecisionContext } from '../decider/decider.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkValueDate } from '../dates/iso-date.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { formatAmount, parseMoney } from '../money/money.js';
import type { RecordCommitment } from './commands.js';
import type { CommitmentRecorded } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';
import type { ProjectRuleCode } from './rule-codes.js';

export function decideRecordCommitment(
  { data }: RecordCommitment,
  state: ProjectState,
  { today }: DecisionContext,
): CommitmentRecorded[] {
  const project = requireRegisteredProject(state, data.projectId);
  checkIdentifier(data.commitmentId, 'commitmentId');
  checkIdentifier(data.financier, 'financier');
  if (project.commitmentIds.has(data.commitmentId)) {
    throw new DomainRuleViolation<ProjectRuleCode>('DUPLICATE_COMMITMENT_ID', `Commitment ${data.commitmentId} is already recorded`, {
      commitmentId: data.commitmentId,
    });
  }
  const money = parseMoney({ amount: data.amount, currency: data.currency });
  checkValueDate(data.date, today);
  return [
    {
      type: 'CommitmentRecorded',
      data: {
        projectId: data.projectId,
        commitmentId: data.commitmentId,
        amount: formatAmount(money),
        currency: money.currency,
        valueDate: data.date,
        financier: data.financier,
        effectiveDate: data.date,
      },
    },
  ];
}
