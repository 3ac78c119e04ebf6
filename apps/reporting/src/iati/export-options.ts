import type { ReportingOrg } from './iati-activity.js';

export interface ExportOptions {
  reportingOrg: ReportingOrg;
  /** Values from illustrative sources are left out unless asked for (then marked ecab:confidence="illustrative"). */
  includeIllustrative: boolean;
  defaultCurrency: string;
  /** The programme's DAC 5 sector (docs/DOMAIN.md §5: 43010 multisector aid); no event records it. */
  programmeSector: string;
}
