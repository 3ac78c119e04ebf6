import type { CommandFormProps, FieldSpec } from '../../components/CommandForm';
import type { I18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
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

/** What follows `field.` in the catalogue's field labels: a field's name where it is labelled by its own name. */
export type FieldName = MessageKey extends infer Key ? (Key extends `field.${infer Name}` ? Name : never) : never;

/** A field named `name` and labelled `field.<name>`; `spec` adds its type, default, whether it is required… */
export function field(name: FieldName, spec: Omit<FieldSpec, 'name' | 'label'> = {}): FieldSpec {
  return { name, label: `field.${name}`, ...spec };
}

/** A date field, today unless `spec` gives another default. */
export function dateField(name: FieldName, spec: Omit<FieldSpec, 'name' | 'label' | 'type'> = {}): FieldSpec {
  return field(name, { type: 'date', initial: today(), ...spec });
}

/** A select of codes, each labelled from the catalogue under `prefix`, with `initial` chosen. */
export function codeField(i18n: I18n, name: FieldName, prefix: string, codes: readonly string[], initial: string): FieldSpec {
  return field(name, { type: 'select', initial, options: codeOptions(i18n, prefix, codes) });
}

/** Amount, currency and value date: what every money movement under an agreement carries. */
export function moneyFields(currency: string): FieldSpec[] {
  return [
    field('amount', { type: 'number', required: true }),
    field('currency', { initial: currency, required: true }),
    dateField('valueDate', { required: true }),
  ];
}

export const moneyBody = (v: Record<string, string>) => ({ amount: v.amount?.trim(), currency: v.currency?.trim(), valueDate: v.valueDate });

/** A select of codes, each labelled from the catalogue under `prefix` (or the code itself). */
export function codeOptions(i18n: I18n, prefix: string, codes: readonly string[]) {
  return codes.map((value) => ({ value, label: i18n.code(prefix, value) }));
}
