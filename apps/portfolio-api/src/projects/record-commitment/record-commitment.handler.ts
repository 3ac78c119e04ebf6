import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectCommandExecutor, type CommandOutcome } from '../project-command-executor.js';
import { RecordCommitment } from './record-commitment.command.js';

@CommandHandler(RecordCommitment)
export class RecordCommitmentHandler implements ICommandHandler<RecordCommitment> {
  constructor(private readonly executor: ProjectCommandExecutor) {}

  execute({ projectId, commitmentId, request, context }: RecordCommitment): Promise<CommandOutcome> {
    return this.executor.execute(projectId, { type: 'RecordCommitment', data: { projectId, commitmentId, ...request } }, context);
  }
}
