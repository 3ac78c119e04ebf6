import type { DecisionContext } from '../decider/decider.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { checkValueDate } from '../dates/iso-date.js';
import { checkIdentifier } from '../identifiers/identifier.js';
import { formatAmount, parseMoney } from '../money/money.js';
import type { RecordDisbursement } from './commands.js';
import type { DisbursementRecorded } from './events.js';
import type { ProjectState } from './project-state.js';
import { requireRegisteredProject } from './registered-project.js';
import type { ProjectRuleCode } from './rule-codes.js';

export function decideRecordDisbursement(
  { data }: RecordDisbursement,
  state: ProjectState,
  { today }: DecisionContext,
): DisbursementRecorded[] {
  const project = requireRegisteredProject(state, data.projectId);
  checkIdentifier(data.disbursementId, 'disbursementId');
  checkIdentifier(data.financier, 'financier');
  if (project.disbursementIds.has(data.disbursementId)) {
    throw new DomainRuleViolation<ProjectRuleCode>(
      'DUPLICATE_DISBURSEMENT_ID',
      `Disbursement ${data.disbursementId} is already recorded`,
      { disbursementId: data.disbursementId },
    );
  }
  const money = parseMoney({ amount: data.amount, currency: data.currency });
  checkValueDate(data.date, today);

  // Disbursed ≤ committed, per currency: without an exchange rate currencies never offset each other.
  const { currency } = money;
  const committed = project.committed.get(currency) ?? 0n;
  const disbursed = project.disbursed.get(currency) ?? 0n;
  if (disbursed + money.minorUnits > committed) {
    const format = (minorUnits: bigint) => formatAmount({ currency, minorUnits });
    throw new DomainRuleViolation<ProjectRuleCode>(
      'DISBURSEMENT_EXCEEDS_COMMITMENT',
      committed === 0n
        ? `Nothing has been committed in ${currency}, so nothing can be disbursed in it`
        : `Disbursing ${format(money.minorUnits)} ${currency} would exceed the undisbursed commitment of ${format(committed - disbursed)} ${currency}`,
      {
        currency,
        requested: format(money.minorUnits),
        committed: format(committed),
        disbursed: format(disbursed),
        undisbursed: format(committed - disbursed),
      },
    );
  }
  return [
    {
      type: 'DisbursementRecorded',
      data: {
        projectId: data.projectId,
        disbursementId: data.disbursementId,
        amount: formatAmount(money),
        currency,
        valueDate: data.date,
        financier: data.financier,
        effectiveDate: data.date,
      },
    },
  ];
}
