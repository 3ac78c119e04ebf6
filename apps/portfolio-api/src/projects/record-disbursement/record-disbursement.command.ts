import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../command-metadata.js';
import type { CommandOutcome } from '../project-command-executor.js';
import type { MoneyFlowRequest } from '../request-fields.js';

export class RecordDisbursement extends Command<CommandOutcome> {
  constructor(
    readonly projectId: string,
    readonly disbursementId: string,
    readonly request: MoneyFlowRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
