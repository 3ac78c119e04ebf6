import { Controller, Get, Query } from '@nestjs/common';
import { todayIso } from '../pagination.js';
import { ViewsReader } from '../views-reader.js';
import { readProgramme, resolveProgramme, type ProgrammeView } from './programme.js';
import { programmeQuery } from './programme.query.js';

@Controller('api/v1')
export class ProgrammeController {
  constructor(private readonly reader: ViewsReader) {}

  @Get(programmeQuery.path)
  async programme(@Query() raw: unknown): Promise<ProgrammeView> {
    const parameters = this.reader.parameters(programmeQuery, raw);
    return this.reader.read(parameters, async (sql) => readProgramme(sql, await resolveProgramme(sql, parameters.programme), parameters.on ?? todayIso()));
  }
}
