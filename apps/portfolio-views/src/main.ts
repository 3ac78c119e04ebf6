import { startViews } from './bootstrap.js';
import { viewsConfigFromEnv } from './config.js';

const views = await startViews(viewsConfigFromEnv());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void views.close().then(() => process.exit(0));
  });
}
