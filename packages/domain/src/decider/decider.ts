/** A command: an imperative request, `type` names it, `data` carries its input. */
export type Command<Type extends string, Data extends object> = Readonly<{ type: Type; data: Readonly<Data> }>;

/** An event: a past-tense fact. `data` is plain JSON so that it can be stored and published as is. */
export type Event<Type extends string, Data extends object> = Readonly<{ type: Type; data: Readonly<Data> }>;

/** What a decision may depend on besides the command and the state; the caller supplies it, so decide stays pure. */
export interface DecisionContext {
  /** Today's calendar date (YYYY-MM-DD) in the programme's reference time zone. */
  readonly today: string;
}

/** An aggregate as pure functions (Emmett style): rules in decide, state rebuilt by evolve. */
export interface Decider<C, E, S, Ctx = DecisionContext> {
  /** Returns the events the command leads to, or throws a DomainRuleViolation. */
  readonly decide: (command: C, state: S, context: Ctx) => E[];
  /** Applies one recorded event; never throws for an event decide could have produced. */
  readonly evolve: (state: S, event: E) => S;
  readonly initialState: () => S;
}

/** How an event type is published: `ecab.<aggregate>.<event>.v<N>`, and whether partners may rely on it (docs/DOMAIN.md §3.2). */
export interface EventPublication {
  /** Kebab-case public name inside the CloudEvents type, e.g. `status-changed`. */
  readonly event: string;
  readonly partnerFacing: boolean;
}
