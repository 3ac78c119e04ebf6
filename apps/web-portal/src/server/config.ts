import { fileURLToPath } from 'node:url';
import { envBaseUrl, listenAddressFromEnv } from '@ecab/config';

export interface PortalConfig {
  port: number;
  host: string;
  /** portfolio-api: commands and the token endpoint. */
  apiUrl: string;
  /** portfolio-views: every read. */
  viewsUrl: string;
  /** The built single-page app (vite build's output). */
  publicDir: string;
}

/** The built app sits beside the compiled server: dist/main.js serves dist/public. */
const BUILT_PUBLIC_DIR = fileURLToPath(new URL('./public', import.meta.url));

export function portalConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PortalConfig {
  return {
    ...listenAddressFromEnv(env, 3000),
    apiUrl: envBaseUrl(env, 'API_URL', 'http://127.0.0.1:3001'),
    viewsUrl: envBaseUrl(env, 'VIEWS_URL', 'http://127.0.0.1:3002'),
    publicDir: env.PORTAL_PUBLIC_DIR ?? BUILT_PUBLIC_DIR,
  };
}
