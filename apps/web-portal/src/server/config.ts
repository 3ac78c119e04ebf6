import { fileURLToPath } from 'node:url';

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
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    apiUrl: withoutTrailingSlash(env.API_URL ?? 'http://127.0.0.1:3001'),
    viewsUrl: withoutTrailingSlash(env.VIEWS_URL ?? 'http://127.0.0.1:3002'),
    publicDir: env.PORTAL_PUBLIC_DIR ?? BUILT_PUBLIC_DIR,
  };
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
