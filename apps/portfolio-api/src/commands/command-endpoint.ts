import type { z } from 'zod';
import type { AggregateCommands, AggregateKind } from './aggregates.js';
import type { CommandSettings } from './command-settings.js';

/** What an endpoint's mapping gets: the parsed path parameters and body, and a source of new ids. */
export interface EndpointInput<P, B> {
  params: P;
  body: B;
  /** What the platform's configuration decides for commands (e.g. rating thresholds). */
  settings: CommandSettings;
  /** A new UUID, for what the command creates when the client did not name it. */
  newId(): string;
}

/**
 * One command as an HTTP resource: its route, the schemas of its path and body (the same schemas
 * validate the request and make the OpenAPI document), and how the request becomes the domain
 * command. The rules stay in the domain; the schemas only check the shape.
 */
export interface CommandEndpoint<
  A extends AggregateKind = AggregateKind,
  N extends AggregateCommands[A]['type'] = AggregateCommands[A]['type'],
  P = Record<string, string>,
  B = unknown,
> {
  /** The domain command's type, e.g. `SignAgreement`; also the OpenAPI operationId. */
  readonly name: N;
  readonly aggregate: A;
  readonly method: 'post' | 'put';
  /** Under `/api/v1`, with `:params`, e.g. `projects/:projectId/agreements`. */
  readonly path: string;
  /** OpenAPI tag: the resource family, e.g. `Financing`. */
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly params: z.ZodType<P>;
  readonly body: z.ZodType<B>;
  /** True when the command creates something addressable (201 Created), false for a change (200). */
  readonly creates: boolean;
  readonly toCommand: (input: EndpointInput<P, B>) => CommandNamed<A, N>;
  /**
   * When one request writes several streams of the aggregate (exchange rates: one stream per currency):
   * the command per stream. Every part is decided before any is stored.
   */
  readonly split?: (command: CommandNamed<A, N>) => CommandNamed<A, N>[];
  /** The id of what the command created or changed, for the response; defaults to the stream's subject. */
  readonly resourceId?: (command: CommandNamed<A, N>) => string;
  /**
   * A request the domain accepts, for a project registered with `ExampleContext.projectId` and the
   * endpoints before this one in its table already sent with their examples. The OpenAPI document
   * shows it; the end-to-end tests send every example in table order and look for its events.
   */
  readonly example: (context: ExampleContext) => ExampleRequestOf;
  /** Requests (by command name) the example needs first, beyond the endpoints before it in its table. */
  readonly examplePrelude?: (context: ExampleContext) => ExampleRequest[];
}

/** An example request to this endpoint (the body as a client would send it). */
export interface ExampleRequestOf {
  params: Record<string, string>;
  body: unknown;
}

export interface ExampleRequest {
  name: string;
  params: Record<string, string>;
  body: unknown;
}

/** What an example may refer to: the project it acts on and a suffix that makes other ids unique per run. */
export interface ExampleContext {
  /** A registered transport project (cluster transport, countries KZ 50 / KG 50). */
  projectId: string;
  /** Short, unique per run: append it to ids of programme-wide records (programme, organisations). */
  unique: string;
}

/** The one command of aggregate A whose type is N. */
export type CommandNamed<A extends AggregateKind, N extends string> = Extract<AggregateCommands[A], { type: N }>;

/** Type-checks an endpoint against its aggregate's commands without widening it. */
export function defineEndpoint<A extends AggregateKind, N extends AggregateCommands[A]['type'], P, B>(
  endpoint: CommandEndpoint<A, N, P, B>,
): CommandEndpoint<A, N, P, B> {
  return endpoint;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table of endpoints is heterogeneous by design
export type AnyCommandEndpoint = CommandEndpoint<any, any, any, any>;
