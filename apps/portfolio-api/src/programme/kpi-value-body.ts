import { z } from 'zod';
import { dateField, effectiveDateField, sourceField, text } from '@ecab/contracts/commands';

/**
 * A programme KPI value, as a target or an observation: kebab-case KPI code, its unit, a decimal
 * string, for a year or for a date (exactly one: the domain checks), with its source.
 */
export const kpiValueBody = z
  .object({
    /** Kebab-case, e.g. bilateral-trade-usd. */
    kpi: text(100),
    unit: text(100),
    value: z.string({ error: 'must be a decimal string such as "1600000000" (never a number)' }).max(40, 'must be at most 40 characters'),
    year: z.number({ error: 'must be a year (number), e.g. 2030' }).finite('must be a finite number').optional(),
    date: dateField.optional(),
    source: sourceField,
    effectiveDate: effectiveDateField,
  })
  .strict();
