export { startGateway, type RunningGateway } from './bootstrap.js';
export { gatewayConfigFromEnv, type GatewayConfig } from './config.js';
