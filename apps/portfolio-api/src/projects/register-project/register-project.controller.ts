import { randomUUID } from 'node:crypto';
import { CurrentPrincipal, RequireRole, type Principal } from '@ecab/auth';
import { parseOrProblem } from '@ecab/platform';
import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { commandContextFrom } from '../command-metadata.js';
import { type CreatedResponse, created, type HeaderSink } from '../created-response.js';
import { RegisterProject } from './register-project.command.js';
import { registerProjectRequest } from './register-project.request.js';

@Controller('api/v1/projects')
export class RegisterProjectController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @RequireRole('program-manager')
  @HttpCode(201)
  async register(
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<CreatedResponse> {
    const request = parseOrProblem(registerProjectRequest, body);
    const projectId = request.id ?? randomUUID();
    const outcome = await this.commandBus.execute(new RegisterProject(projectId, request, commandContextFrom(headers, principal, { route: 'POST /api/v1/projects', body })));
    return created(response, outcome);
  }
}
