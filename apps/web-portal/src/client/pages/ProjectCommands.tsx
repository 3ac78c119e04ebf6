import { ACTIVITY_STATUS } from '@ecab/domain';
import { useState } from 'react';
import { CommandForm, type CommandFormProps, type FieldSpec } from '../components/CommandForm';
import { useI18n, type I18n } from '../i18n/i18n';
import type { ProjectView } from '../api/views';

/** The commands a project page offers, and what each needs to know. */
export type OpenCommand =
  | { kind: 'changeStatus' }
  | { kind: 'signAgreement' }
  | { kind: 'declareEffective'; agreementId: string }
  | { kind: 'recordCommitment'; agreementId: string; currency: string }
  | { kind: 'recordFundsReceived'; agreementId: string; currency: string }
  | { kind: 'planMilestone' }
  | { kind: 'achieveMilestone'; milestoneId: string };

export const today = () => new Date().toISOString().slice(0, 10);
const optional = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());
const INSTRUMENTS = ['grant', 'loan', 'ta', 'counterpart', 'ppp'];
const MILESTONE_CATEGORIES = ['fs-approved', 'board-approval', 'signing', 'effectiveness', 'contract-award', 'commissioning', 'other'];

type Form = Omit<CommandFormProps, 'onDone' | 'onCancel'>;

function money(currency: string): FieldSpec[] {
  return [
    { name: 'amount', label: 'field.amount', type: 'number', required: true },
    { name: 'currency', label: 'field.currency', initial: currency, required: true },
    { name: 'valueDate', label: 'field.valueDate', type: 'date', initial: today(), required: true },
  ];
}
const moneyBody = (v: Record<string, string>) => ({ amount: v.amount?.trim(), currency: v.currency?.trim(), valueDate: v.valueDate });
const agreementPath = (id: string) => `agreements/${encodeURIComponent(id)}`;

function formOf(command: OpenCommand, project: ProjectView, openedAtVersion: number, i18n: I18n): Form {
  const projectPath = `projects/${encodeURIComponent(project.id)}`;
  switch (command.kind) {
    case 'changeStatus':
      return {
        title: 'command.changeStatus',
        path: `${projectPath}/status`,
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
    case 'signAgreement':
      return {
        title: 'command.signAgreement',
        path: `${projectPath}/agreements`,
        fields: [
          { name: 'id', label: 'field.id' },
          { name: 'agreementNumber', label: 'field.agreementNumber', required: true },
          { name: 'financierId', label: 'field.financierId', apiField: 'financier', initial: 'XM-DAC-46004' },
          { name: 'financierName', label: 'field.financierName', initial: 'Asian Development Bank' },
          { name: 'instrument', label: 'field.instrument', type: 'select', initial: 'grant', options: INSTRUMENTS.map((i) => ({ value: i, label: i })) },
          { name: 'financeType', label: 'field.financeType', initial: '110' },
          { name: 'flowType', label: 'field.flowType', initial: '10' },
          { name: 'aidType', label: 'field.aidType', initial: 'C01' },
          { name: 'amount', label: 'field.amount', type: 'number', required: true },
          { name: 'currency', label: 'field.currency', initial: 'USD' },
          { name: 'signedDate', label: 'field.signedDate', type: 'date', initial: today() },
          { name: 'closingDate', label: 'field.closingDate', type: 'date' },
        ],
        toBody: (v) => ({
          id: optional(v.id),
          agreementNumber: v.agreementNumber,
          financier: { organisationId: optional(v.financierId), name: optional(v.financierName) },
          instrument: v.instrument,
          financeType: v.financeType,
          flowType: v.flowType,
          aidType: v.aidType,
          amount: v.amount?.trim(),
          currency: v.currency?.trim(),
          signedDate: v.signedDate,
          closingDate: optional(v.closingDate),
        }),
      };
    case 'declareEffective':
      return {
        title: 'command.declareEffective',
        path: `${agreementPath(command.agreementId)}/effectiveness`,
        fields: [{ name: 'effectivenessDate', label: 'field.effectivenessDate', type: 'date', initial: today() }],
        toBody: (v) => ({ effectivenessDate: v.effectivenessDate }),
      };
    case 'recordCommitment':
      return {
        title: 'command.recordCommitment',
        path: `${agreementPath(command.agreementId)}/commitments`,
        fields: money(command.currency),
        toBody: moneyBody,
      };
    case 'recordFundsReceived':
      return {
        title: 'command.recordFundsReceived',
        path: `${agreementPath(command.agreementId)}/funds-received`,
        fields: money(command.currency),
        toBody: moneyBody,
      };
    case 'planMilestone':
      return {
        title: 'command.planMilestone',
        path: `${projectPath}/milestones`,
        fields: [
          { name: 'id', label: 'field.id' },
          { name: 'category', label: 'field.category', type: 'select', initial: 'signing', options: MILESTONE_CATEGORIES.map((c) => ({ value: c, label: c })) },
          { name: 'title', label: 'field.title' },
          { name: 'baselineDate', label: 'field.baselineDate', type: 'date', initial: today() },
        ],
        toBody: (v) => ({ id: optional(v.id), category: v.category, title: optional(v.title), baselineDate: v.baselineDate }),
      };
    case 'achieveMilestone':
      return {
        title: 'command.achieveMilestone',
        path: `${projectPath}/milestones/${encodeURIComponent(command.milestoneId)}/achievement`,
        fields: [{ name: 'actualDate', label: 'field.actualDate', type: 'date', initial: today() }],
        toBody: (v) => ({ actualDate: v.actualDate }),
      };
  }
}

/** The open command's form above the page; it closes once the command is recorded. */
export function CommandPanel({ project, command, onClose }: { project: ProjectView; command: OpenCommand; onClose(): void }) {
  const i18n = useI18n();
  // The page refreshes live; the form keeps the version it was opened on.
  const [openedAtVersion] = useState(project.version);
  const form = formOf(command, project, openedAtVersion, i18n);
  return (
    <section className="command-panel" aria-live="polite">
      <CommandForm key={JSON.stringify(command)} {...form} onDone={onClose} onCancel={onClose} />
    </section>
  );
}
