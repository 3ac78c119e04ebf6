import { startGateway } from './bootstrap.js';
import { gatewayConfigFromEnv } from './config.js';

const gateway = await startGateway(gatewayConfigFromEnv());
// Close in order (dispatcher, consumer leaves its group, HTTP drains, pools end) before exiting.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void gateway.close().then(() => process.exit(0));
  });
}
