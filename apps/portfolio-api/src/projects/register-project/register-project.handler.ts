import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectCommandExecutor, type CommandOutcome } from '../project-command-executor.js';
import { RegisterProject } from './register-project.command.js';

@CommandHandler(RegisterProject)
export class RegisterProjectHandler implements ICommandHandler<RegisterProject> {
  constructor(private readonly executor: ProjectCommandExecutor) {}

  execute({ projectId, request, context }: RegisterProject): Promise<CommandOutcome> {
    return this.executor.execute(
      projectId,
      { type: 'RegisterProject', data: { projectId, title: request.title, cluster: request.cluster, countries: request.countries } },
      context,
    );
  }
}
