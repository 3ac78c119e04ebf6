import { parseOrProblem } from '@ecab/platform';
import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import { z } from 'zod';
import { ReportingEvents } from '../events/reporting-events.js';
import type { Codelists } from '../iati/codelists.js';
import type { ExportOptions } from '../iati/export-options.js';
import { iatiActivitiesFile, iatiOrganisationFile } from '../iati/iati-export.js';
import type { RuleFinding } from '../iati/ruleset.js';

export const IATI_SETTINGS = Symbol('IATI_SETTINGS');
export interface IatiSettings {
  options: Omit<ExportOptions, 'includeIllustrative'>;
  codelists: Codelists;
}

const XML = 'application/xml; charset=utf-8';

/** ?include=illustrative adds values of illustrative sources, marked; nothing else is accepted. */
const activitiesQuery = z.object({ include: z.literal('illustrative', { error: 'the only value is "illustrative"' }).optional() }).strict();
const noQuery = z.object({}).strict();

interface HeaderResponse {
  setHeader(name: string, value: string): void;
}

/** The IATI 2.03 files of the portfolio (any signed-in role may read them). */
@Controller('api/v1/iati')
export class IatiController {
  constructor(
    private readonly events: ReportingEvents,
    @Inject(IATI_SETTINGS) private readonly settings: IatiSettings,
  ) {}

  @Get('activities.xml')
  @Header('Content-Type', XML)
  async activities(@Query() query: unknown, @Res({ passthrough: true }) response: HeaderResponse): Promise<string> {
    const { include } = parseOrProblem(activitiesQuery, query);
    const file = await this.file(include === 'illustrative');
    response.setHeader('ECAB-IATI-Activities', String(file.activities));
    response.setHeader('ECAB-IATI-Withheld', withheldHeader(file.withheld));
    await this.position(response);
    return file.xml;
  }

  /** Why activities were withheld from activities.xml: every rule each breaks. */
  @Get('activities/checks')
  async checks(@Query() query: unknown, @Res({ passthrough: true }) response: HeaderResponse): Promise<{ activities: number; withheld: RuleFinding[] }> {
    const { include } = parseOrProblem(activitiesQuery, query);
    const file = await this.file(include === 'illustrative');
    await this.position(response);
    return { activities: file.activities, withheld: file.withheld };
  }

  @Get('organisation.xml')
  @Header('Content-Type', XML)
  async organisation(@Query() query: unknown, @Res({ passthrough: true }) response: HeaderResponse): Promise<string> {
    parseOrProblem(noQuery, query);
    await this.position(response);
    return iatiOrganisationFile(await this.events.all(), { ...this.settings.options, includeIllustrative: false });
  }

  private async file(includeIllustrative: boolean) {
    return iatiActivitiesFile(await this.events.all(), { ...this.settings.options, includeIllustrative }, this.settings.codelists);
  }

  /** The event-log position the answer reflects, as portfolio-views says it. */
  private async position(response: HeaderResponse): Promise<void> {
    const head = await this.events.head();
    response.setHeader('ECAB-Position', head.position ?? '0');
  }
}

/** The withheld activities' local ids, each once, comma-separated ("" when none). */
function withheldHeader(findings: RuleFinding[]): string {
  return [...new Set(findings.map((f) => f.activity))].join(',');
}
