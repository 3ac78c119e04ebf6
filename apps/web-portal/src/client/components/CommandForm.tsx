import { checkRequest, routeOf, type CommandRequest } from '@ecab/contracts/commands';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ApiProblem } from '../api/http';
import { newIdempotencyKey, sendCommand, type CommandAnswer } from '../api/commands';
import { useLastWrite } from '../api/reads';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.en';
import { placeFieldErrors } from './field-errors';

export interface FieldSpec {
  name: string;
  label: MessageKey;
  labelValues?: Record<string, string>;
  type?: 'text' | 'date' | 'number' | 'select';
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  initial?: string;
  /** The body field the API names in its errors, when it is not `name`: a `/`-separated path (`period/start`; two shares → `countries`). */
  apiField?: string;
}

export interface CommandFormProps {
  title: MessageKey;
  method?: 'POST' | 'PUT';
  /** The command's request as portfolio-api checks it (@ecab/contracts/commands): its route and schemas. */
  request: CommandRequest;
  /** The route's parameters: known to the page (ids), or filled in on the form (a review's quarter). */
  params?: Record<string, string> | ((values: Record<string, string>) => Record<string, string>);
  fields: readonly FieldSpec[];
  toBody(values: Record<string, string>): unknown;
  /** The version the form was filled from: the command is refused (409) if the record changed since. */
  ifMatch?: number | undefined;
  onDone(answer: CommandAnswer): void;
  onCancel?(): void;
  /** False when the page's own heading already names the command. */
  showTitle?: boolean;
}

/** An event stored after the version the form was opened on, as portfolio-api's 409 lists it. */
interface ChangeMeanwhile {
  version: number;
  type: string;
  recordedAt: string;
  by: string | null;
}

type Outcome =
  | { kind: 'invalid'; checkedBy: 'browser' | 'platform'; fields: Record<string, string>; other: string[] }
  | { kind: 'conflict'; detail: string; changes: ChangeMeanwhile[] }
  | { kind: 'refused'; detail: string };

/**
 * One command as a form: labelled fields, the API's 400 shown beside each field, a 409 on If-Match
 * explained with a reload, one Idempotency-Key per filled-in request (a double click records once),
 * and the answer's consistentWith handed to every read (read your writes).
 */
export function CommandForm({ title, method = 'POST', request, params = {}, fields, toBody, ifMatch, onDone, onCancel, showTitle = true }: CommandFormProps) {
  const { t, code, instant } = useI18n();
  const queryClient = useQueryClient();
  const { record } = useLastWrite();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const key = useRef(newIdempotencyKey());
  const inFlight = useRef<Promise<void> | undefined>(undefined);

  const change = (name: string, value: string) => {
    key.current = newIdempotencyKey(); // another request: another key
    setValues((previous) => ({ ...previous, [name]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return; // a second click while the first is on its way
    const routeParams = typeof params === 'function' ? params(values) : params;
    const body = toBody(values);
    // The API's own schemas, checked here first: a bad field is shown beside it and nothing is sent.
    const problems = checkRequest(request, routeParams, body);
    if (problems.length > 0) {
      setOutcome({ kind: 'invalid', checkedBy: 'browser', ...placeFieldErrors(problems, fields) });
      return;
    }
    setPending(true);
    setOutcome(undefined);
    inFlight.current = sendCommand(method, routeOf(request, routeParams), body, { idempotencyKey: key.current, ifMatch })
      .then((answer) => {
        key.current = newIdempotencyKey();
        record(answer.consistentWith);
        onDone(answer);
      })
      .catch((error: unknown) => setOutcome(outcomeOf(error, fields)))
      .finally(() => {
        inFlight.current = undefined;
        setPending(false);
      });
  };

  const fieldError = (field: FieldSpec) => (outcome?.kind === 'invalid' ? outcome.fields[field.name] : undefined);
  return (
    <form className="command" onSubmit={submit} aria-label={t(title)} noValidate>
      {showTitle && <h3>{t(title)}</h3>}
      {fields.map((field) => {
        const id = `field-${title}-${field.name}`;
        const error = fieldError(field);
        const common = {
          id,
          name: field.name,
          value: values[field.name] ?? '',
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${id}-error` : undefined,
        };
        return (
          <div className="field" key={field.name}>
            <label htmlFor={id}>{t(field.label, field.labelValues)}</label>
            {field.type === 'select' ? (
              <select {...common} onChange={(e) => change(field.name, e.target.value)}>
                {field.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={field.type === 'number' ? 'text' : (field.type ?? 'text')}
                inputMode={field.type === 'number' ? 'decimal' : undefined}
                onChange={(e) => change(field.name, e.target.value)}
              />
            )}
            {error && (
              <span className="field-error" id={`${id}-error`} data-testid={`error-${field.name}`}>
                {error}
              </span>
            )}
          </div>
        );
      })}
      {outcome?.kind === 'invalid' && (
        <div role="alert" className="error">
          {outcome.checkedBy === 'browser' ? t('command.invalidBeforeSending') : t('command.invalid')}
          {outcome.other.length > 0 && (
            <ul>
              {outcome.other.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {outcome?.kind === 'conflict' && (
        <div role="alert" className="error">
          {outcome.changes.length > 0 ? t('command.changedSince') : t('command.conflict', { detail: outcome.detail })}{' '}
          {outcome.changes.length > 0 && (
            <ul data-testid="changes-meanwhile">
              {outcome.changes.map((change) => (
                <li key={change.version}>{`${code('event', change.type)} — ${change.by ?? '—'}, ${instant(change.recordedAt)}`}</li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => void queryClient.invalidateQueries().then(() => setOutcome(undefined))}>
            {t('common.reload')}
          </button>
        </div>
      )}
      {outcome?.kind === 'refused' && (
        <div role="alert" className="error">
          {t('command.refused', { detail: outcome.detail })}
        </div>
      )}
      <div className="buttons">
        <button type="submit" disabled={pending}>
          {pending ? t('command.sending') : t('command.submit')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function outcomeOf(error: unknown, fields: readonly FieldSpec[]): Outcome {
  if (!(error instanceof ApiProblem)) return { kind: 'refused', detail: String(error) };
  if (error.status === 409)
    return { kind: 'conflict', detail: error.message, changes: Array.isArray(error.problem.changes) ? (error.problem.changes as ChangeMeanwhile[]) : [] };
  if (error.status !== 400) return { kind: 'refused', detail: error.message };
  return { kind: 'invalid', checkedBy: 'platform', ...placeFieldErrors(error.problem.errors ?? [], fields) };
}
