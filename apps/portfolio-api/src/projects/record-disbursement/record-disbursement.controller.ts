import { randomUUID } from 'node:crypto';
import { CurrentPrincipal, RequireRole, type Principal } from '@ecab/auth';
import { parseOrProblem } from '@ecab/platform';
import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { commandContextFrom } from '../command-metadata.js';
import { type CreatedResponse, created, type HeaderSink } from '../created-response.js';
import { moneyFlowRequest, projectIdField } from '../request-fields.js';
import { RecordDisbursement } from './record-disbursement.command.js';

@Controller('api/v1/projects/:projectId/disbursements')
export class RecordDisbursementController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @RequireRole('program-manager')
  @HttpCode(201)
  async record(
    @Param('projectId') rawProjectId: string,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<CreatedResponse> {
    const projectId = parseOrProblem(projectIdField, rawProjectId);
    const request = parseOrProblem(moneyFlowRequest, body);
    const id = randomUUID();
    const outcome = await this.commandBus.execute(new RecordDisbursement(projectId, id, request, commandContextFrom(headers, principal, { route: `POST /api/v1/projects/${projectId}/disbursements`, body })));
    return created(response, outcome);
  }
}
