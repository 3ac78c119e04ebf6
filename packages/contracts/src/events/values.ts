import { z } from 'zod';
import { CLUSTER_NAMES } from '../topics.js';

/**
 * The value types event data is made of, shared so that every event writes a date or an amount the
 * same way. Changing one changes every schema that uses it: the compatibility test will say which.
 */

/** An id the caller chose (project, commitment, organisation…), compared exactly. */
export const identifier = z.string().min(1);

export const projectId = identifier.describe('The project id; also the ce_subject and the Kafka message key');

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ format: 'date' });

/** When the fact took effect, if not when it was recorded (ce_time). Optional on every event. */
export const effectiveDate = isoDate.optional().describe('When the fact took effect (YYYY-MM-DD), if it differs from the recording time ce_time');

export const decimalAmount = z
  .string()
  .regex(/^\d+(?:\.\d+)?$/)
  .describe("A decimal string, never a float, with exactly the currency's minor-unit decimals, e.g. 1500000.00");

export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe('ISO 4217 currency code');

export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .describe('ISO 3166-1 alpha-2 country code');

export const clusterName = z.enum(CLUSTER_NAMES).describe('The ECAB cluster; it selects the Kafka topic');

/** A signed decimal string: an amendment that decreases a commitment is negative, e.g. -500000.00. */
export const signedDecimalAmount = z
  .string()
  .regex(/^-?\d+(?:\.\d+)?$/)
  .describe("A decimal string, never a float, negative for a decrease, with exactly the currency's minor-unit decimals, e.g. -500000.00");

/** A measured value as text: a decimal such as 1.6 or -0.25 for numeric measures, any text for qualitative ones. */
export const measuredValue = z
  .string()
  .min(1)
  .describe('A decimal string such as 1.6 or -0.25 (no exponent, no separators); free text when the indicator is qualitative (measure 5)');

/**
 * When the fact took effect in the world (YYYY-MM-DD); for money movements the value date. Required on
 * every event type added after the first three.
 */
export const occurredOn = isoDate.describe('When the fact took effect in the world (YYYY-MM-DD); it may differ from the recording time ce_time');

/**
 * A coded field as the domain stores it: the code, the code list it comes from and that list's version
 * (IATI 2.03 lists, or ECAB's own). New codes may appear: a reader ignores, or shows as is, a code it does not know.
 */
export function coded(codelist: string) {
  return z
    .object({
      code: z.string().min(1).describe(`A code of ${codelist}`),
      codelist: z.string().min(1).describe(`The code list, e.g. ${codelist}`),
      version: z.string().min(1).describe('The version of the code list, e.g. 2.03'),
    })
    .loose()
    .describe(`A code of the ${codelist} code list, with the list's name and version`);
}

/** An organisation referred to by its organisation id (e.g. XM-DAC-46004), by its name, or both; never neither. */
export const organisationReference = z
  .object({
    organisationId: identifier.optional().describe('IATI organisation identifier, e.g. XM-DAC-46004'),
    name: z.string().min(1).optional().describe('The name, for organisations without a checked IATI identifier'),
  })
  .loose()
  .describe('An organisation: its organisation id, its name, or both (at least one is present)');

/** Where a fact comes from, and how far it can be trusted (`illustrative`: seed data and examples). */
export const source = z
  .object({
    citation: z.string().min(1).describe('The publication or site the fact comes from'),
    date: isoDate.optional().describe('Publication date (YYYY-MM-DD)'),
    confidence: z.enum(['confirmed', 'unconfirmed', 'illustrative']).describe('How sure ECAB is of the fact; illustrative means seed or example data'),
  })
  .loose()
  .describe('Where the fact comes from');

/** A period, both ends inclusive (IATI period-start / period-end). */
export const datePeriod = z
  .object({
    start: isoDate.describe('First day (YYYY-MM-DD), inclusive'),
    end: isoDate.describe('Last day (YYYY-MM-DD), inclusive'),
  })
  .loose()
  .describe('A period, both ends inclusive');

/** A share in percent: greater than 0, at most 100, at most 2 decimals. */
export const percentage = z.number().gt(0).max(100).describe('A share in percent, at most 2 decimals');

/** Names in the portfolio's languages (IATI language codes): English always, Russian, Kazakh and Kyrgyz optional. */
export const localizedNames = z
  .object({
    en: z.string().min(1).describe('English'),
    ru: z.string().min(1).optional().describe('Russian'),
    kk: z.string().min(1).optional().describe('Kazakh'),
    ky: z.string().min(1).optional().describe('Kyrgyz'),
  })
  .loose()
  .describe('Names by IATI language code; English always present');

/** A recipient country and its share of the activity. */
export const countryShare = z
  .object({
    code: countryCode,
    percentage: z.number().gt(0).max(100).describe('Share of the project, in percent, at most 2 decimals'),
  })
  .loose();

/** The coarse life stage shown next to the IATI activity status; new stages may be added. */
export const projectStage = z.enum(['pipeline', 'approved', 'implementation', 'completed', 'closed']).describe('The portfolio life stage of the project');

/** An amount of money as it travels: a decimal string and its currency. */
export const money = z.object({ amount: decimalAmount, currency: currencyCode }).loose().describe('An amount and its ISO 4217 currency');

/** A change in money: negative for a decrease. */
export const signedMoney = z
  .object({ amount: signedDecimalAmount, currency: currencyCode })
  .loose()
  .describe('A signed amount (negative for a decrease) and its ISO 4217 currency');

/** A decimal number written as a string, e.g. 42.5 or -0.25: no exponent, no separators. */
export const decimalNumber = z
  .string()
  .regex(/^-?\d+(?:\.\d+)?$/)
  .describe('A decimal string such as 42.5 or -0.25 (no exponent, no separators)');
