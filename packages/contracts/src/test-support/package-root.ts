import { fileURLToPath } from 'node:url';

/** The package directory, where the published files and the fixtures live. */
export const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
