import { startPortal } from './bootstrap.js';
import { portalConfigFromEnv } from './config.js';

const portal = await startPortal(portalConfigFromEnv());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void portal.close().then(() => process.exit(0));
  });
}
