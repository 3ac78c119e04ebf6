import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectCommandExecutor, type CommandOutcome } from '../project-command-executor.js';
import { RecordDisbursement } from './record-disbursement.command.js';

@CommandHandler(RecordDisbursement)
export class RecordDisbursementHandler implements ICommandHandler<RecordDisbursement> {
  constructor(private readonly executor: ProjectCommandExecutor) {}

  execute({ projectId, disbursementId, request, context }: RecordDisbursement): Promise<CommandOutcome> {
    return this.executor.execute(projectId, { type: 'RecordDisbursement', data: { projectId, disbursementId, ...request } }, context);
  }
}
