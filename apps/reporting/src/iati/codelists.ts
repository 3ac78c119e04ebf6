import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The IATI reference files copied into the app (apps/reporting/iati): the XSDs and the code lists the export uses. */
export const IATI_FILES_DIR = fileURLToPath(new URL('../../iati/', import.meta.url));

export const CODELIST_NAMES = [
  'ActivityDateType',
  'ActivityStatus',
  'AidType',
  'BudgetStatus',
  'BudgetType',
  'Country',
  'Currency',
  'DescriptionType',
  'DocumentCategory',
  'FinanceType',
  'FlowType',
  'IndicatorMeasure',
  'Language',
  'OrganisationRole',
  'OrganisationType',
  'OtherIdentifierType',
  'PolicyMarker',
  'PolicySignificance',
  'Region',
  'RelatedActivityType',
  'ResultType',
  'Sector',
  'SectorVocabulary',
  'TransactionType',
] as const;
export type CodelistName = (typeof CODELIST_NAMES)[number];

/** The codes of each IATI 2.03 code list the export writes, read from the published code-list files. */
export class Codelists {
  private constructor(private readonly codes: ReadonlyMap<CodelistName, ReadonlySet<string>>) {}

  static load(dir = IATI_FILES_DIR): Codelists {
    const codes = new Map<CodelistName, Set<string>>();
    for (const name of CODELIST_NAMES) {
      const xml = readFileSync(`${dir}codelists/${name}.xml`, 'utf8');
      codes.set(name, new Set([...xml.matchAll(/<code>\s*([^<\s]+)\s*<\/code>/g)].map((m) => m[1] as string)));
    }
    return new Codelists(codes);
  }

  has(list: CodelistName, code: string): boolean {
    return this.codes.get(list)?.has(code) ?? false;
  }
}
