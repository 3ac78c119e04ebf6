import { CLUSTERS, CONFIDENCE_LEVELS, COUNTRY_CODES, CURRENCIES, isIsoDate } from '@ecab/domain';
import { z } from 'zod';

/**
 * Field schemas shared by the command endpoints. They check shape only (types, lengths, formats);
 * the meaning (codes in IATI lists, percentages summing to 100, dates in order) is the domain's,
 * which answers 422 with the rule's code.
 */

/** Free text of at most `max` characters. */
export const text = (max = 2000) => z.string({ error: 'must be text' }).max(max, `must be at most ${max} characters`);

/** Required, non-blank text of at most `max` characters. */
export const requiredText = (max = 500) => text(max).refine((value) => value.trim() !== '', { message: 'must not be blank' });

/** An id chosen by a client or the platform: letters, digits, `.`, `_`, `-`, no `/` or spaces. */
export const idField = z
  .string({ error: 'must be an id (text)' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit');

export const projectIdField = idField;

/**
 * A financing agreement's id: an id, or the id of an agreement the project-level shorthand opened,
 * `<projectId>~<financier>` (the only place `~` is accepted, so the two never collide).
 */
export const agreementIdField = z
  .string({ error: 'must be an agreement id (text)' })
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}(?:~[A-Za-z0-9][A-Za-z0-9._-]{1,99})?$/,
    'must be 1–64 letters, digits, ".", "_" or "-" starting with a letter or digit, or <projectId>~<financier> for an agreement the project-level shorthand opened',
  );

/** A code from an IATI or ECAB code list, as text ("110", "C01", "A1"); the domain checks the list. */
export const codeField = z
  .string({ error: 'must be a code (text), e.g. "110"' })
  .regex(/^[A-Za-z0-9._-]{1,20}$/, 'must be a code of 1–20 letters, digits, ".", "_" or "-"');

export const clusterField = z.enum(CLUSTERS, { error: `must be one of ${CLUSTERS.join(', ')}` });

export const amountField = z
  .string({ error: 'must be a decimal string such as "1000000.00" (never a number)' })
  .regex(/^\d{1,15}(\.\d{1,6})?$/, 'must be a positive decimal string such as "1000000.00", at most 15 digits before the point and 6 after');

export const currencyField = z
  .string({ error: 'must be an ISO 4217 currency code such as "USD"' })
  .refine((code) => Object.hasOwn(CURRENCIES, code), { message: 'is not an ISO 4217 currency code (e.g. USD, KZT, KGS)' });

export const dateField = z
  .string({ error: 'must be a calendar date YYYY-MM-DD' })
  .refine((value) => isIsoDate(value), { message: 'must be a real calendar date YYYY-MM-DD' });

/** When it happened in the world, if not today; the recorded time is always now. */
export const effectiveDateField = dateField.optional();

export const percentageField = z
  .number({ error: 'must be a number (percent)' })
  .finite('must be a finite number')
  .gt(0, 'must be more than 0')
  .lte(100, 'must be at most 100');

export const organisationIdField = z
  .string({ error: 'must be an organisation identifier such as "XM-DAC-46004"' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$/, 'must be an organisation identifier such as "XM-DAC-46004"');

/** An organisation by IATI identifier, by name, or both. */
export const organisationReferenceField = z
  .object({ organisationId: organisationIdField.optional(), name: text(500).optional() }, { error: 'must be an object {organisationId?, name?}' })
  .strict();

/** Where a fact comes from; seed data and examples are `illustrative`. */
export const sourceField = z
  .object(
    {
      citation: requiredText(1000),
      date: dateField.optional(),
      confidence: z.enum(CONFIDENCE_LEVELS, { error: `must be one of ${CONFIDENCE_LEVELS.join(', ')}` }),
    },
    { error: 'must be an object {citation, date?, confidence}' },
  )
  .strict();

export const correctionField = z.object({ reason: requiredText(1000) }, { error: 'must be an object {reason}' }).strict();

export const periodField = z.object({ start: dateField, end: dateField }, { error: 'must be an object {start, end}' }).strict();

export const countrySharesField = z
  .array(
    z
      .object({
        code: z.enum(COUNTRY_CODES, { error: `must be one of ${COUNTRY_CODES.join(', ')} (the corridor's recipient countries)` }),
        percentage: percentageField,
      })
      .strict(),
    {
      error: 'must be a list of {code, percentage}',
    },
  )
  .min(1, 'must name at least one recipient country')
  .max(10, 'must list at most 10 countries');

export const localizedNamesField = z
  .object(
    { en: requiredText(500), ru: text(500).optional(), kk: text(500).optional(), ky: text(500).optional() },
    { error: 'must be an object {en, ru?, kk?, ky?}' },
  )
  .strict();

/** Path parameters: each named one is an id (`agreementId` also the id of a shorthand agreement). */
export const pathIds = <K extends string>(...names: K[]) =>
  z.object(Object.fromEntries(names.map((name) => [name, name === 'agreementId' ? agreementIdField : idField])) as Record<K, typeof idField>).strict();

/** A body with no fields but the effective date (e.g. publish). */
export const effectiveDatedBody = z.object({ effectiveDate: effectiveDateField }).strict();
