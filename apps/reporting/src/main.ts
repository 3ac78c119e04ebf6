import { startReporting } from './bootstrap.js';
import { reportingConfigFromEnv } from './config.js';

const reporting = await startReporting(reportingConfigFromEnv());
// Close in order (consumer leaves its group, HTTP drains, pools end) before exiting.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void reporting.close().then(() => process.exit(0));
  });
}
