import { envBaseUrl, envFlag, envWholeNumber } from '@ecab/config';

import { DEFAULT_SIGN_IN_LIMITS, type SignInLimits } from './sign-in-throttle.js';
import { RemoteJwks } from './signing-keys.js';
import type { TokenIssuer } from './token-issuer.js';
import { TokenVerifier, type TrustedIssuer } from './token-verifier.js';

/** The default of AUTH_ACCOUNT_RECHECK_MS. */
export const DEFAULT_ACCOUNT_RECHECK_MS = 1_000;

/** Everything auth reads from the environment (see README.md). */
export interface AuthConfig {
  /** `iss` of locally issued tokens (AUTH_ISSUER). */
  issuer: string;
  /** `aud` of locally issued tokens, and the default audience for external ones (AUTH_AUDIENCE). */
  audience: string;
  tokenTtlSeconds: number;
  privateKeyPem?: string | undefined;
  /** Issue and trust local tokens (AUTH_LOCAL_TOKENS, default true). */
  localTokens: boolean;
  oidc?: { issuer: string; jwksUrl: string; audience: string; rolesClaim: string; clustersClaim: string; allowHttp?: boolean } | undefined;
  clockSkewSeconds: number;
  /**
   * How long the guard trusts an account it found enabled and unchanged before reading it again
   * (AUTH_ACCOUNT_RECHECK_MS, default 1,000; 0 reads it on every request): a change made in another process
   * is refused at most this long after it committed.
   */
  accountRecheckMs: number;
  /** Failed sign-ins before the token endpoint answers 429, and the backoff after them (AUTH_SIGNIN_*). */
  signIn: SignInLimits;
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const audience = env.AUTH_AUDIENCE || 'ecab-portfolio';
  const oidcIssuer = env.AUTH_OIDC_ISSUER;
  const jwksUrl = env.AUTH_JWKS_URL;
  if (Boolean(oidcIssuer) !== Boolean(jwksUrl)) throw new Error('set both AUTH_OIDC_ISSUER and AUTH_JWKS_URL, or neither');
  const config: AuthConfig = {
    issuer: env.AUTH_ISSUER || 'urn:ecab:portfolio',
    audience,
    tokenTtlSeconds: integer(env.AUTH_TOKEN_TTL_SECONDS, 3600, 'AUTH_TOKEN_TTL_SECONDS'),
    privateKeyPem: env.AUTH_PRIVATE_KEY || undefined,
    localTokens: envFlag(env, 'AUTH_LOCAL_TOKENS', true),
    oidc:
      oidcIssuer && jwksUrl
        ? {
            issuer: oidcIssuer,
            jwksUrl,
            audience: env.AUTH_OIDC_AUDIENCE || audience,
            rolesClaim: env.AUTH_OIDC_ROLES_CLAIM || 'roles',
            clustersClaim: env.AUTH_OIDC_CLUSTERS_CLAIM || 'clusters',
            allowHttp: env.AUTH_JWKS_ALLOW_HTTP === 'true',
          }
        : undefined,
    clockSkewSeconds: integer(env.AUTH_CLOCK_SKEW_SECONDS, 30, 'AUTH_CLOCK_SKEW_SECONDS'),
    accountRecheckMs: integer(env.AUTH_ACCOUNT_RECHECK_MS, DEFAULT_ACCOUNT_RECHECK_MS, 'AUTH_ACCOUNT_RECHECK_MS'),
    signIn: {
      failuresPerIp: integer(env.AUTH_SIGNIN_FAILURES_PER_IP, DEFAULT_SIGN_IN_LIMITS.failuresPerIp, 'AUTH_SIGNIN_FAILURES_PER_IP'),
      failuresPerUser: integer(env.AUTH_SIGNIN_FAILURES_PER_USER, DEFAULT_SIGN_IN_LIMITS.failuresPerUser, 'AUTH_SIGNIN_FAILURES_PER_USER'),
      firstBackoffSeconds: DEFAULT_SIGN_IN_LIMITS.firstBackoffSeconds,
      maxBackoffSeconds: integer(env.AUTH_SIGNIN_MAX_BACKOFF_SECONDS, DEFAULT_SIGN_IN_LIMITS.maxBackoffSeconds, 'AUTH_SIGNIN_MAX_BACKOFF_SECONDS'),
    },
  };
  for (const [name, value] of Object.entries(config.signIn)) if (value < 1) throw new Error(`AUTH_SIGNIN_* limits must be at least 1 (${name})`);
  if (!config.localTokens && !config.oidc)
    throw new Error('AUTH_LOCAL_TOKENS=false needs AUTH_OIDC_ISSUER and AUTH_JWKS_URL, or no token could ever be accepted');
  return config;
}

/** Trusts the local issuer (when given) and the external OIDC issuer (when configured). */
export function createTokenVerifier(config: AuthConfig, localIssuer: TokenIssuer | undefined): TokenVerifier {
  const trusted: TrustedIssuer[] = [];
  if (localIssuer) trusted.push({ issuer: localIssuer.issuer, audience: localIssuer.audience, keys: localIssuer });
  if (config.oidc) {
    if (localIssuer?.issuer === config.oidc.issuer) throw new Error('AUTH_OIDC_ISSUER must differ from AUTH_ISSUER while local tokens are on');
    trusted.push({
      issuer: config.oidc.issuer,
      audience: config.oidc.audience,
      keys: new RemoteJwks({ url: config.oidc.jwksUrl, allowHttp: config.oidc.allowHttp ?? false }),
      rolesClaim: config.oidc.rolesClaim,
      clustersClaim: config.oidc.clustersClaim,
    });
  }
  return new TokenVerifier(trusted, { clockSkewSeconds: config.clockSkewSeconds });
}

function integer(raw: string | undefined, fallback: number, name: string): number {
  return envWholeNumber({ [name]: raw }, name, fallback);
}

/**
 * For the services that issue no tokens (portfolio-views, the partner gateway, reporting): they trust
 * portfolio-api's, through its JWKS (API_URL), unless AUTH_* says otherwise (e.g. an external OIDC issuer).
 */
export function authConfigTrustingApi(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const apiUrl = envBaseUrl(env, 'API_URL', 'http://127.0.0.1:3001');
  return authConfigFromEnv({
    AUTH_LOCAL_TOKENS: 'false',
    AUTH_OIDC_ISSUER: env.AUTH_ISSUER ?? 'urn:ecab:portfolio',
    AUTH_JWKS_URL: `${apiUrl}/.well-known/jwks.json`,
    ...env,
  });
}
