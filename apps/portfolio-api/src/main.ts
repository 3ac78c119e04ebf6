import { apiConfigFromEnv } from './config.js';
import { startApi } from './bootstrap.js';

const api = await startApi(apiConfigFromEnv());
// Close in order (consumer leaves its group, HTTP drains, pools end) before exiting.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void api.close().then(() => process.exit(0));
  });
}
