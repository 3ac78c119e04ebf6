import { setProgrammeTargetUseCase } from '@ecab/domain';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { pathIds } from '@ecab/contracts/commands';
import { kpiValueBody } from '../kpi-value-body.js';

export const setProgrammeTargetEndpoint = defineEndpoint({
  name: setProgrammeTargetUseCase.commandType,
  aggregate: 'programme',
  method: 'post',
  path: 'programmes/:programmeId/targets',
  tag: 'Programme',
  summary: 'Set a programme KPI target for a year or a date (which may lie ahead); a new one for the same KPI and year supersedes it',
  creates: false,
  params: pathIds('programmeId'),
  body: kpiValueBody,
  toCommand: ({ params, body }) => ({ type: setProgrammeTargetUseCase.commandType, data: { programmeId: params.programmeId, ...body } }),
  example: ({ unique }) => ({
    params: { programmeId: `ECAB-${unique}` },
    body: {
      kpi: 'bilateral-trade-usd',
      unit: 'USD',
      value: '3000000000',
      year: 2030,
      source: { citation: 'IGC protocol, December 2024 (example)', date: '2024-12-05', confidence: 'illustrative' },
    },
  }),
});
