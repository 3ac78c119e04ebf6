import { observeProgrammeKpiUseCase } from '@ecab/domain';
import { defineEndpoint } from '../../commands/command-endpoint.js';
import { pathIds } from '@ecab/contracts/commands';
import { kpiValueBody } from '../kpi-value-body.js';

export const observeProgrammeKpiEndpoint = defineEndpoint({
  name: observeProgrammeKpiUseCase.commandType,
  aggregate: 'programme',
  method: 'post',
  path: 'programmes/:programmeId/kpi-observations',
  tag: 'Programme',
  summary: 'Record a measured value of a programme KPI for a past year or date, with its source',
  description: 'Conflicting published figures are each observed with their own source. A KPI keeps the unit it was first given.',
  creates: false,
  params: pathIds('programmeId'),
  body: kpiValueBody,
  toCommand: ({ params, body }) => ({ type: observeProgrammeKpiUseCase.commandType, data: { programmeId: params.programmeId, ...body } }),
  example: ({ unique }) => ({
    params: { programmeId: `ECAB-${unique}` },
    body: {
      kpi: 'bilateral-trade-usd',
      unit: 'USD',
      value: '1600000000',
      year: 2023,
      source: { citation: 'National statistics, trade 2023 (example)', confidence: 'illustrative' },
    },
  }),
});
