import { z } from 'zod';
import { coded, identifier, isoDate, localizedNames, source } from '../values.js';
import { projectFact } from './project-fact.js';

export const documentLinkAddedV1 = z
  .object({
    ...projectFact,
    documentId: identifier.describe('Unique within the project'),
    url: z.string().min(1).describe('The https address of the document'),
    format: z.string().min(1).describe('IANA media type, e.g. text/html or application/pdf'),
    title: localizedNames.describe("The document's title by IATI language code; English always present"),
    category: coded('DocumentCategory').describe('IATI DocumentCategory, activity level (A01–A12)'),
    language: coded('Language').optional().describe('The language the document is written in'),
    documentDate: isoDate.optional().describe('The publication date of the document (YYYY-MM-DD)'),
    source: source.optional(),
  })
  .loose();

export type DocumentLinkAddedDataV1 = z.infer<typeof documentLinkAddedV1>;
