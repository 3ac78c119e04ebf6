import type { ProgrammeCommand } from '../programme/commands.js';
import { programmeDecider } from '../programme/decide.js';
import type { ProgrammeEvent } from '../programme/events.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import { context } from './decision-context.js';

export const given = deciderSpecification(programmeDecider, context);
export const ids = { programmeId: 'ECAB-PROG' };
export const command = (type: ProgrammeCommand['type'], data: object) => ({ type, data: { ...ids, ...data } }) as ProgrammeCommand;
export const event = (type: ProgrammeEvent['type'], data: object) => ({ type, data: { ...ids, effectiveDate: '2026-11-26', ...data } }) as ProgrammeEvent;

export const names = { en: 'Economic Corridor Almaty–Bishkek', ru: 'Экономический коридор Алматы–Бишкек' };
export const clusters = ['transport', 'tourism', 'air-quality', 'health', 'agribusiness', 'climate'];
export const register = (data: object = {}) =>
  command('RegisterProgramme', { names, aliases: ['ABEC', 'ABCI'], clusters, effectiveDate: '2014-11-06', ...data });
export const registered = event('ProgrammeRegistered', { effectiveDate: '2014-11-06', names, aliases: ['ABEC', 'ABCI'], clusters });

export const decisions = [
  { decisionId: 'IGC12-D1', text: 'Roadmap for seven joint checkpoints', kind: 'roadmap' },
  { decisionId: 'IGC12-D2', text: 'ADB-grant FS for the 280 km road', kind: 'protocol' },
];
export const meeting = (data: object = {}) =>
  command('RecordGovernanceMeeting', { meetingId: 'IGC-12', body: 'igc', meetingNumber: 12, date: '2024-12-05', place: 'Bishkek', decisions, ...data });
export const met = event('GovernanceMeetingRecorded', {
  effectiveDate: '2024-12-05',
  meetingId: 'IGC-12',
  body: 'igc',
  meetingNumber: 12,
  date: '2024-12-05',
  place: 'Bishkek',
  decisions,
});
