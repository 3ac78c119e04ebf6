import type { CommandFormProps, FieldSpec } from '../../components/CommandForm';
import type { I18n } from '../../i18n/i18n';
import type { ProjectView } from '../../api/views';

/** What a command form of the project page is, before the page adds what to do when it closes. */
export type Form = Omit<CommandFormProps, 'onDone' | 'onCancel'>;

/** What every form of the project page may use: the project, the version it was opened on, the labels. */
export interface FormContext {
  project: ProjectView;
  openedAtVersion: number;
  i18n: I18n;
}

export const today = () => new Date().toISOString().slice(0, 10);

/** The quarter today is in, written as the API wants it (YYYY-Qn). */
export function currentQuarter(now = new Date()): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

/** Blank text is left out of the body (an optional field not given), anything else trimmed. */
export const optional = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** Amount, currency and value date: what every money movement under an agreement carries. */
export function moneyFields(currency: string): FieldSpec[] {
  return [
    { name: 'amount', label: 'field.amount', type: 'number', required: true },
    { name: 'currency', label: 'field.currency', initial: currency, required: true },
    { name: 'valueDate', label: 'field.valueDate', type: 'date', initial: today(), required: true },
  ];
}

export const moneyBody = (v: Record<string, string>) => ({ amount: v.amount?.trim(), currency: v.currency?.trim(), valueDate: v.valueDate });

/** A select of codes, each labelled from the catalogue under `prefix` (or the code itself). */
export function codeOptions(i18n: I18n, prefix: string, codes: readonly string[]) {
  return codes.map((value) => ({ value, label: i18n.code(prefix, value) }));
}
