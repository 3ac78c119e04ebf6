import { changeProjectStatusRequest } from '@ecab/contracts/commands';
import { ACTIVITY_STATUS } from '@ecab/domain';
import { useState, type ReactNode } from 'react';
import { CommandForm } from '../components/CommandForm';
import { useI18n } from '../i18n/i18n';
import type { ProjectView } from '../api/views';
import * as financing from './commands/financing-forms';
import { optional, type Form, type FormContext } from './commands/form-kit';
import * as progress from './commands/progress-forms';

/** The commands a project page offers, and what each needs to know. */
export type OpenCommand =
  | { kind: 'changeStatus' }
  | { kind: 'signAgreement' }
  | { kind: 'declareEffective'; agreementId: string }
  | { kind: 'recordCommitment'; agreementId: string; currency: string }
  | { kind: 'recordFundsReceived'; agreementId: string; currency: string }
  | { kind: 'recordDisbursement'; agreementId: string; currency: string }
  | { kind: 'cancelFunds'; agreementId: string; currency: string }
  | { kind: 'reverseTransaction'; agreementId: string; transactionId: string }
  | { kind: 'planMilestone' }
  | { kind: 'rescheduleMilestone'; milestoneId: string; forecastDate: string | null }
  | { kind: 'achieveMilestone'; milestoneId: string }
  | { kind: 'defineResult' }
  | { kind: 'defineIndicator'; resultId: string }
  | { kind: 'setTarget'; indicatorId: string }
  | { kind: 'reportActual'; indicatorId: string }
  | { kind: 'ratePerformance' };

function changeStatus({ project, openedAtVersion, i18n }: FormContext): Form {
  return {
    title: 'command.changeStatus',
    request: changeProjectStatusRequest,
    params: { projectId: project.id },
    // Conditional on the version the form was opened on: someone else's change meanwhile is a 409, not an overwrite.
    ifMatch: openedAtVersion,
    fields: [
      {
        name: 'status',
        label: 'field.status',
        type: 'select',
        initial: project.status ?? '1',
        options: Object.keys(ACTIVITY_STATUS.codes).map((s) => ({ value: s, label: i18n.code('status', s) })),
      },
      { name: 'reason', label: 'field.reason' },
    ],
    toBody: (v) => ({ status: v.status, reason: optional(v.reason) }),
  };
}

function formOf(command: OpenCommand, context: FormContext): Form {
  switch (command.kind) {
    case 'changeStatus':
      return changeStatus(context);
    case 'signAgreement':
      return financing.signAgreement(context);
    case 'declareEffective':
      return financing.declareEffective(command.agreementId);
    case 'recordCommitment':
      return financing.recordCommitment(command.agreementId, command.currency);
    case 'recordFundsReceived':
      return financing.recordFundsReceived(command.agreementId, command.currency);
    case 'recordDisbursement':
      return financing.recordDisbursement(command.agreementId, command.currency);
    case 'cancelFunds':
      return financing.cancelFunds(command.agreementId, command.currency);
    case 'reverseTransaction':
      return financing.reverseTransaction(context, command.agreementId, command.transactionId);
    case 'planMilestone':
      return progress.planMilestone(context);
    case 'rescheduleMilestone':
      return progress.rescheduleMilestone(context, command.milestoneId, command.forecastDate);
    case 'achieveMilestone':
      return progress.achieveMilestone(context, command.milestoneId);
    case 'defineResult':
      return progress.defineResult(context);
    case 'defineIndicator':
      return progress.defineIndicator(context, command.resultId);
    case 'setTarget':
      return progress.setTarget(context, command.indicatorId);
    case 'reportActual':
      return progress.reportActual(context, command.indicatorId);
    case 'ratePerformance':
      return progress.ratePerformance(context);
  }
}

/** The open command's form above the page; it closes once the command is recorded. */
export function CommandPanel({ project, command, onClose }: { project: ProjectView; command: OpenCommand; onClose(): void }) {
  const i18n = useI18n();
  // The page refreshes live; the form keeps the version it was opened on.
  const [openedAtVersion] = useState(project.version);
  const form = formOf(command, { project, openedAtVersion, i18n });
  return (
    <section className="command-panel" aria-live="polite">
      <CommandForm key={JSON.stringify(command)} {...form} onDone={onClose} onCancel={onClose} />
    </section>
  );
}

/** A button that opens a command's form, or nothing when the signed-in user may not act here now. */
export type CommandButton = (command: OpenCommand, label: string, name?: string) => ReactNode;
