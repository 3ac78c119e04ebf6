import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../command-metadata.js';
import type { CommandOutcome } from '../project-command-executor.js';
import type { MoneyFlowRequest } from '../request-fields.js';

export class RecordCommitment extends Command<CommandOutcome> {
  constructor(
    readonly projectId: string,
    readonly commitmentId: string,
    readonly request: MoneyFlowRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
