import { ProblemError, problemType, toHeaderValue } from '@ecab/platform';

/** 401 without a token: the client should authenticate (RFC 6750 §3). */
export function authenticationRequired(): ProblemError {
  return new ProblemError(
    { type: problemType('authentication-required'), status: 401, detail: 'Send a bearer token in the Authorization header.' },
    { 'WWW-Authenticate': 'Bearer realm="ecab"' },
  );
}

/**
 * 401 with a token that cannot be trusted; `reason` tells the client what is wrong with it, never a secret.
 * The reason may quote the token (its `alg`…): in the header it is cut down to the characters RFC 6750
 * allows in error_description, so no token can turn the answer into a 500.
 */
export function invalidToken(reason: string): ProblemError {
  const description = toHeaderValue(reason, 200).replace(/["\\]/g, "'");
  return new ProblemError(
    { type: problemType('invalid-token'), status: 401, detail: reason },
    { 'WWW-Authenticate': `Bearer realm="ecab", error="invalid_token", error_description="${description}"` },
  );
}

/** 401 from the token endpoint; one message for an unknown user and a wrong password. */
export function invalidCredentials(): ProblemError {
  return new ProblemError({ type: problemType('invalid-credentials'), status: 401, detail: 'The username or password is wrong.' });
}

/** 429 from the token endpoint (and a password change): too many failed sign-ins; wait `retryAfterSeconds`. */
export function tooManySignInFailures(retryAfterSeconds: number): ProblemError {
  return new ProblemError(
    {
      type: problemType('too-many-sign-in-failures'),
      title: 'Too many requests',
      status: 429,
      detail: `Too many failed sign-ins from this address or for this user; try again in ${retryAfterSeconds} s.`,
      retryAfter: retryAfterSeconds,
    },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

/** 403: the token is valid but does not grant this. */
export function forbidden(detail: string): ProblemError {
  return new ProblemError({ type: problemType('forbidden'), status: 403, detail }, { 'WWW-Authenticate': 'Bearer realm="ecab", error="insufficient_scope"' });
}

/** 503: the external issuer's keys could not be fetched, so no token of it can be checked right now. */
export function issuerKeysUnavailable(): ProblemError {
  return new ProblemError(
    { type: problemType('issuer-keys-unavailable'), status: 503, detail: "The token issuer's signing keys could not be fetched; try again shortly." },
    { 'Retry-After': '30' },
  );
}
