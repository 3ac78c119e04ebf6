import { authConfigFromEnv, authConfigTrustingApi } from './auth-config.js';

describe('authConfigFromEnv', () => {
  it('has safe defaults: local tokens for an hour, no external issuer', () => {
    expect(authConfigFromEnv({})).toEqual({
      issuer: 'urn:ecab:portfolio',
      audience: 'ecab-portfolio',
      tokenTtlSeconds: 3600,
      privateKeyPem: undefined,
      localTokens: true,
      oidc: undefined,
      clockSkewSeconds: 30,
      accountRecheckMs: 1000,
      signIn: { failuresPerIp: 10, failuresPerUser: 5, firstBackoffSeconds: 1, maxBackoffSeconds: 900 },
    });
  });

  it('reads the sign-in limits, and refuses a limit of 0', () => {
    const env = { AUTH_SIGNIN_FAILURES_PER_IP: '4', AUTH_SIGNIN_FAILURES_PER_USER: '2', AUTH_SIGNIN_MAX_BACKOFF_SECONDS: '60' };
    expect(authConfigFromEnv(env).signIn).toEqual({ failuresPerIp: 4, failuresPerUser: 2, firstBackoffSeconds: 1, maxBackoffSeconds: 60 });
    expect(() => authConfigFromEnv({ AUTH_SIGNIN_FAILURES_PER_USER: '0' })).toThrow(/at least 1/);
  });

  it('reads an external OIDC issuer, defaulting its audience to AUTH_AUDIENCE', () => {
    const config = authConfigFromEnv({
      AUTH_AUDIENCE: 'api',
      AUTH_OIDC_ISSUER: 'https://id.example',
      AUTH_JWKS_URL: 'https://id.example/jwks',
      AUTH_OIDC_ROLES_CLAIM: 'realm_access.roles',
    });
    expect(config.oidc).toEqual({
      issuer: 'https://id.example',
      jwksUrl: 'https://id.example/jwks',
      audience: 'api',
      rolesClaim: 'realm_access.roles',
      clustersClaim: 'clusters',
      allowHttp: false,
    });
    expect(authConfigFromEnv({ AUTH_OIDC_ISSUER: 'urn:x', AUTH_JWKS_URL: 'http://api:3001/jwks', AUTH_JWKS_ALLOW_HTTP: 'true' }).oidc?.allowHttp).toBe(true);
  });

  it('refuses half an OIDC configuration, or one that could never accept a token', () => {
    expect(() => authConfigFromEnv({ AUTH_OIDC_ISSUER: 'https://id.example' })).toThrow(/AUTH_JWKS_URL/);
    expect(() => authConfigFromEnv({ AUTH_LOCAL_TOKENS: 'false' })).toThrow(/no token could ever be accepted/);
    expect(() => authConfigFromEnv({ AUTH_TOKEN_TTL_SECONDS: 'soon' })).toThrow(/whole number/);
  });

  it("trusts portfolio-api's tokens through its JWKS in the services that issue none, unless AUTH_* says otherwise", () => {
    const trusting = authConfigTrustingApi({ API_URL: 'http://api.internal:3001/' });
    expect({ localTokens: trusting.localTokens, issuer: trusting.oidc?.issuer, jwksUrl: trusting.oidc?.jwksUrl }).toEqual({
      localTokens: false,
      issuer: 'urn:ecab:portfolio',
      jwksUrl: 'http://api.internal:3001/.well-known/jwks.json',
    });
    const external = authConfigTrustingApi({ AUTH_OIDC_ISSUER: 'https://id.example', AUTH_JWKS_URL: 'https://id.example/jwks' });
    expect(external.oidc?.jwksUrl).toBe('https://id.example/jwks');
    expect(() => authConfigTrustingApi({ API_URL: 'api:3001' })).toThrow('API_URL must be an http(s) URL, got "api:3001"');
  });

  it('refuses a flag that is neither true nor false instead of reading it as on', () => {
    expect(() => authConfigFromEnv({ AUTH_LOCAL_TOKENS: 'flase' })).toThrow('AUTH_LOCAL_TOKENS must be true or false, got "flase"');
  });
});
