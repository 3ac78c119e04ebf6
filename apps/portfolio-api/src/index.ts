export { startApi, type RunningApi } from './bootstrap.js';
export { apiConfigFromEnv, type ApiConfig } from './config.js';
export { COMMAND_ENDPOINTS } from './commands/command-table.js';
export type { AnyCommandEndpoint, CommandEndpoint, ExampleContext, ExampleRequest } from './commands/command-endpoint.js';
export type { CommandResponse } from './commands/command-response.js';
