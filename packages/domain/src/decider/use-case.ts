import type { DecisionContext } from './decider.js';

/**
 * One use case of an aggregate: the type of the command it takes and the rule that decides it. Its file exports it
 * beside the rule; the aggregate's decide dispatches through it, and the api's endpoint for the command takes its
 * name from it, so rule, dispatch and endpoint reach each other by import rather than by a repeated string.
 */
export interface UseCase<C extends { readonly type: string }, S, E> {
  readonly commandType: C['type'];
  readonly decide: (command: C, state: S, context: DecisionContext) => E[];
}

/** The use case of the commands of type `commandType`, decided by `decide`. */
export function useCase<C extends { readonly type: string }, S, E>(
  commandType: C['type'],
  decide: (command: C, state: S, context: DecisionContext) => E[],
): UseCase<C, S, E> {
  return { commandType, decide };
}

interface AnyUseCase {
  readonly commandType: string;
  readonly decide: (command: never, state: never, context: DecisionContext) => unknown[];
}
type CommandOf<U> = U extends { readonly decide: (command: infer C, state: never, context: DecisionContext) => unknown[] } ? C : never;
type StateOf<U> = U extends { readonly decide: (command: never, state: infer S, context: DecisionContext) => unknown[] } ? S : never;
type EventOf<U> = U extends { readonly decide: (command: never, state: never, context: DecisionContext) => (infer E)[] } ? E : never;

/**
 * An aggregate's decide: hands each command to the use case of its type. Typed to take exactly the commands of the
 * use cases given, so a decide declared for the aggregate's whole command union does not compile while one is missing.
 * A command type no use case takes is a programming error (a TypeError naming the aggregate and the command).
 */
export function decideByUseCase<U extends AnyUseCase>(
  aggregate: string,
  useCases: readonly U[],
): (command: CommandOf<U>, state: StateOf<U>, context: DecisionContext) => EventOf<U>[] {
  const byType = new Map<string, U>();
  for (const useCase of useCases) {
    if (byType.has(useCase.commandType)) throw new TypeError(`two ${aggregate} use cases take ${useCase.commandType}`);
    byType.set(useCase.commandType, useCase);
  }
  return (command, state, context) => {
    const useCase = byType.get((command as { readonly type?: unknown }).type as string);
    if (useCase === undefined) throw new TypeError(`unknown ${aggregate} command ${JSON.stringify(command)}`);
    return useCase.decide(command as never, state as never, context) as EventOf<U>[];
  };
}
