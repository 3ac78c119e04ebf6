export { startApi, type RunningApi } from './bootstrap.js';
export { apiConfigFromEnv, type ApiConfig } from './config.js';
export { COMMAND_ENDPOINTS } from './commands/command-table.js';
export type { AnyCommandEndpoint, CommandEndpoint, ExampleContext, ExampleRequest } from './commands/command-endpoint.js';
export type { CommandResponse } from './commands/command-response.js';
// The command path without HTTP, for tools that write realistic histories through the same deciders (the benchmark).
export { AGGREGATES, projectNamedBy, schemaVersionOf, type AggregateKind } from './commands/aggregates.js';
export { commandSettingsFromEnv, type CommandSettings } from './commands/command-settings.js';
export { todayInAlmaty } from './commands/today.js';
