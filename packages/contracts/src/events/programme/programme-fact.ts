import { z } from 'zod';
import { decimalNumber, identifier, isoDate, occurredOn, source } from '../values.js';

/** What every programme event carries: which programme, effective when. */
export const programmeFact = {
  programmeId: identifier.describe('The programme id; also the ce_subject and the Kafka message key'),
  effectiveDate: occurredOn,
} as const;

/** A sourced KPI value for a year or for a date (exactly one of the two). */
export const kpiValue = {
  ...programmeFact,
  kpi: identifier.describe('The key performance indicator'),
  unit: z.string().min(1).describe('The unit of the value'),
  value: decimalNumber,
  year: z.number().int().optional().describe('The year the value is for; absent when date is present'),
  date: isoDate.optional().describe('The date the value is for (YYYY-MM-DD); absent when year is present'),
  source,
} as const;
