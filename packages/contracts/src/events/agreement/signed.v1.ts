import { z } from 'zod';
import { coded, currencyCode, decimalAmount, identifier, isoDate, organisationReference, source } from '../values.js';
import { agreementFact } from './agreement-fact.js';

export const agreementSignedV1 = z
  .object({
    ...agreementFact,
    agreementNumber: identifier.describe("The financier's number of the agreement, e.g. 0900-KGZ"),
    financier: organisationReference.describe('The organisation that provides the funds'),
    instrument: z.enum(['grant', 'loan', 'ta', 'counterpart', 'ppp']).describe('The financing instrument; ta is technical assistance'),
    financeType: coded('FinanceType').describe('IATI finance type, e.g. 110 standard grant, 421 standard loan'),
    flowType: coded('FlowType').describe('IATI flow type, e.g. 10 ODA'),
    aidType: coded('AidType').describe('IATI aid type, e.g. C01 project-type interventions, D02 technical assistance'),
    amount: decimalAmount.describe("The agreed amount: a decimal string with exactly the currency's minor-unit decimals"),
    currency: currencyCode,
    signedDate: isoDate.describe('The signing date (YYYY-MM-DD)'),
    closingDate: isoDate.optional().describe('The closing date (YYYY-MM-DD)'),
    providerActivityId: identifier.optional().describe("The IATI identifier of the financier's own activity"),
    source: source.optional(),
  })
  .loose();

export type AgreementSignedDataV1 = z.infer<typeof agreementSignedV1>;
