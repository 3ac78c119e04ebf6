import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../command-metadata.js';
import type { CommandOutcome } from '../project-command-executor.js';
import type { RegisterProjectRequest } from './register-project.request.js';

export class RegisterProject extends Command<CommandOutcome> {
  constructor(
    readonly projectId: string,
    readonly request: RegisterProjectRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
