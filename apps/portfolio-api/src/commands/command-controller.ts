import { createHash, randomUUID } from 'node:crypto';
import { CurrentPrincipal, RequireRole, type Principal } from '@ecab/auth';
import { openApiSchemaOf, parseOrProblem } from '@ecab/platform';
import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Put, Res, type Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { commandContextFrom } from './command-metadata.js';
import type { AnyCommandEndpoint } from './command-endpoint.js';
import { COMMAND_SETTINGS, type CommandSettings } from './command-settings.js';
import { commandResponse, type CommandResponse, type HeaderSink } from './command-response.js';
import { ExecuteDomainCommand, ExecuteDomainCommands } from './execute-command.js';
import { rejectUnstorableText } from './storable-text.js';

function pathParameters(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
}

/**
 * One controller per command endpoint, made from its definition: parse path and body (every
 * field's problem in one 400), build the domain command, send it through the CommandBus, and
 * answer with the id, the new version (ETag) and a consistency token.
 */
export function commandController(endpoint: AnyCommandEndpoint): Type {
  const status = endpoint.creates ? 201 : 200;
  const route = endpoint.path;
  const Verb = endpoint.method === 'put' ? Put : Post;
  const bodySchema = openApiSchemaOf(endpoint.body);

  @ApiTags(endpoint.tag)
  @ApiBearerAuth()
  @Controller('api/v1')
  class GeneratedCommandController {
    constructor(
      @Inject(CommandBus) private readonly commandBus: CommandBus,
      @Inject(COMMAND_SETTINGS) private readonly settings: CommandSettings,
    ) {}

    @Verb(route)
    @RequireRole('program-manager')
    @HttpCode(status)
    @ApiOperation({ operationId: endpoint.name, summary: endpoint.summary, ...(endpoint.description ? { description: endpoint.description } : {}) })
    @ApiBody({ schema: bodySchema })
    @ApiHeader({ name: 'If-Match', required: false, description: 'The stream version you saw, e.g. "3"; a different current version answers 409.' })
    @ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Repeat a command safely: the same key returns the first answer and stores nothing new.',
    })
    @ApiResponse({ status, description: 'Recorded: the id, the stream version (also in ETag) and a consistentWith token for the views.' })
    @ApiResponse({ status: 400, description: 'The request is malformed: every field’s problem in one application/problem+json.' })
    @ApiResponse({ status: 401, description: 'No valid bearer token.' })
    @ApiResponse({ status: 403, description: 'Your role or clusters do not allow this command on this project.' })
    @ApiResponse({ status: 404, description: 'The project (or the record the command refers to) does not exist.' })
    @ApiResponse({ status: 409, description: 'The stream changed meanwhile (If-Match), or the record already exists.' })
    @ApiResponse({ status: 422, description: 'A domain rule refused the command; `code` names the rule.' })
    async handle(
      @Param() rawParams: Record<string, string>,
      @Body() body: unknown,
      @Headers() headers: Record<string, string | undefined>,
      @CurrentPrincipal() principal: Principal,
      @Res({ passthrough: true }) response: HeaderSink,
    ): Promise<CommandResponse> {
      const params = parseOrProblem(endpoint.params, rawParams);
      rejectUnstorableText(body);
      const parsed = parseOrProblem(endpoint.body, body ?? {});
      const context = commandContextFrom(headers, principal, { route: `${endpoint.method.toUpperCase()} /api/v1/${route} ${JSON.stringify(params)}`, body });
      // With an Idempotency-Key the ids a command creates derive from the key, so a retry rebuilds the same command.
      let sequence = 0;
      const newId = (): string => (context.idempotency ? uuidFrom(`${context.idempotency.key}#${sequence++}`) : randomUUID());
      const command = endpoint.toCommand({ params, body: parsed, newId, settings: this.settings });
      const outcome = endpoint.split
        ? await this.commandBus.execute(new ExecuteDomainCommands(endpoint.aggregate, endpoint.split(command), context))
        : await this.commandBus.execute(new ExecuteDomainCommand(endpoint.aggregate, command, context));
      const id = endpoint.resourceId?.(command) ?? outcome.subject;
      return commandResponse(response, outcome, id);
    }
  }

  for (const name of pathParameters(route))
    ApiParam({ name, type: String, required: true })(
      GeneratedCommandController.prototype,
      'handle',
      Object.getOwnPropertyDescriptor(GeneratedCommandController.prototype, 'handle')!,
    );
  Object.defineProperty(GeneratedCommandController, 'name', { value: `${endpoint.name}Controller` });
  return GeneratedCommandController;
}

/** A UUID-shaped id that is the same for the same input (RFC 4122 version 8 layout, name-based). */
function uuidFrom(input: string): string {
  const hex = createHash('sha256').update(input).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
