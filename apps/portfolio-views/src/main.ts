import { startViews } from './bootstrap.js';
import { viewsConfigFromEnv } from './config.js';

const views = await startViews(viewsConfigFromEnv());
// Close in order (consumer leaves its group, HTTP drains, pools end) before exiting.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void views.close().then(() => process.exit(0));
  });
}
