import type { ProjectCommand } from '../project/commands.js';
import type { ProjectEvent } from '../project/events.js';
import { PROJECT_ID, TODAY } from './project-fixtures.js';

type CommandOf<T extends ProjectCommand['type']> = Extract<ProjectCommand, { type: T }>;
type EventOf<T extends ProjectEvent['type']> = Extract<ProjectEvent, { type: T }>;

/** A project command for PROJECT_ID; tests name only the fields they are about. */
export function projectCommand<T extends ProjectCommand['type']>(type: T, data: Omit<CommandOf<T>['data'], 'projectId'>): CommandOf<T> {
  return { type, data: { projectId: PROJECT_ID, ...data } } as unknown as CommandOf<T>;
}

/** A project event for PROJECT_ID, effective today unless the test says otherwise. */
export function projectEvent<T extends ProjectEvent['type']>(
  type: T,
  // Loosely typed on purpose: tests write coded fields as plain strings.
  data: Record<string, unknown>,
): EventOf<T> {
  return { type, data: { projectId: PROJECT_ID, effectiveDate: TODAY, ...data } } as unknown as EventOf<T>;
}

export const coded = (codelist: string, code: string, version = '2.03') => ({ code, codelist, version });
export const status = (code: string) => coded('ActivityStatus', code);
export const dateType = (code: string) => coded('ActivityDateType', code);

export const statusChanged = (
  from: string,
  to: string,
  stage: string,
  extra: { reason?: string; correction?: boolean; effectiveDate?: string } = {},
): ProjectEvent => projectEvent('ProjectStatusChanged', { from: status(from), to: status(to), stage, ...extra });
export const dateRecorded = (type: string, date: string, effectiveDate = TODAY): ProjectEvent =>
  projectEvent('ProjectDateRecorded', { dateType: dateType(type), date, effectiveDate });
