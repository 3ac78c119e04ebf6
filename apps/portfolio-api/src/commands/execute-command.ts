import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from './command-metadata.js';
import { AggregateCommandExecutor, type CommandOutcome } from './aggregate-command-executor.js';
import type { AggregateCommands, AggregateKind } from './aggregates.js';

/** A domain command on its way through the CommandBus, with who sent it and how it is traced. */
export class ExecuteDomainCommand<A extends AggregateKind = AggregateKind> extends Command<CommandOutcome> {
  constructor(
    readonly aggregate: A,
    readonly command: AggregateCommands[A],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Several commands of one aggregate sent as one request (one stream each); see `AggregateCommandExecutor.executeAll`. */
export class ExecuteDomainCommands<A extends AggregateKind = AggregateKind> extends Command<CommandOutcome> {
  constructor(
    readonly aggregate: A,
    readonly commands: readonly AggregateCommands[A][],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteDomainCommands)
export class ExecuteDomainCommandsHandler implements ICommandHandler<ExecuteDomainCommands> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ aggregate, commands, context }: ExecuteDomainCommands): Promise<CommandOutcome> {
    return this.executor.executeAll(aggregate, commands, context);
  }
}

@CommandHandler(ExecuteDomainCommand)
export class ExecuteDomainCommandHandler implements ICommandHandler<ExecuteDomainCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ aggregate, command, context }: ExecuteDomainCommand): Promise<CommandOutcome> {
    return this.executor.execute(aggregate, command, context);
  }
}
