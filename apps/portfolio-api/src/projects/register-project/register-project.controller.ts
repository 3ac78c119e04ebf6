import { randomUUID } from 'node:crypto';
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
  @HttpCode(201)
  async register(
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<CreatedResponse> {
    const request = parseOrProblem(registerProjectRequest, body);
    const projectId = request.id ?? randomUUID();
    const outcome = await this.commandBus.execute(new RegisterProject(projectId, request, commandContextFrom(headers)));
    return created(response, projectId, outcome.projectId, outcome.version);
  }
}
