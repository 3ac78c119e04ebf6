import { type CanActivate, type ExecutionContext, Inject, Injectable, Optional, type Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { authenticationRequired, forbidden, invalidToken, issuerKeysUnavailable } from './auth-problems.js';
import { type AuthenticatedRequest, IS_PUBLIC, REQUIRED_ROLES } from './decorators.js';
import { TokenRejectedError } from './jwt.js';
import { canRead, hasAnyRole } from './policy.js';
import type { Principal, Role } from './principal.js';
import { IssuerKeysUnavailableError } from './signing-keys.js';
import { TokenVerifier } from './token-verifier.js';
import { LOCAL_USERS, type LocalUsers } from './users/local-users.js';
import { UserStore, type TokenStatus } from './users/user-store.js';

/** Controllers the app declares public without decorating them (e.g. @ecab/platform's HealthController). */
export const PUBLIC_CONTROLLERS = Symbol('ecab:auth:public-controllers');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

const REFUSED: Record<Exclude<TokenStatus, 'current'>, string> = {
  disabled: 'The account is disabled.',
  superseded: 'The account changed since the token was issued (password, roles, clusters or status); get a new token.',
  unknown: 'The token names no account of this platform.',
};

/**
 * Registered as APP_GUARD: every route needs a valid bearer token unless it is public. Then
 * @RequireRole decides; without it, reads (GET/HEAD/OPTIONS) need any role and anything else needs
 * admin, so a command route that forgot its decorator is closed rather than open. A token of the
 * platform's own issuer is checked against its account on every request: disabled, or issued before the
 * account's last change (its token epoch), it is refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  readonly #publicControllers: ReadonlySet<Type>;

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    @Optional() @Inject(PUBLIC_CONTROLLERS) publicControllers: readonly Type[] | undefined,
    @Optional() @Inject(UserStore) private readonly users: UserStore | undefined,
    @Optional() @Inject(LOCAL_USERS) private readonly localUsers: LocalUsers | undefined,
  ) {
    this.#publicControllers = new Set(publicControllers ?? []);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) || this.#publicControllers.has(context.getClass())) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.#authenticate(request.headers.authorization);
    request.principal = principal;

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required) {
      if (!hasAnyRole(principal, required)) throw forbidden(`This needs the role ${required.join(' or ')}.`);
    } else if (SAFE_METHODS.has(request.method.toUpperCase())) {
      if (!canRead(principal)) throw forbidden('Your token grants no role of this platform.');
    } else if (!principal.roles.includes('admin')) {
      throw forbidden('Only an admin may do this.');
    }
    return true;
  }

  async #authenticate(header: string | string[] | undefined): Promise<Principal> {
    if (header === undefined || header === '') throw authenticationRequired();
    const match = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
    if (!match?.[1]) throw invalidToken('The Authorization header must be "Bearer <token>".');
    try {
      const principal = await this.verifier.verify(match[1]);
      if (this.users && principal.issuer === this.localUsers?.issuer) {
        const status = await this.users.tokenStatus(principal.subject, principal.tokenEpoch ?? 0);
        if (status !== 'current') throw new TokenRejectedError(REFUSED[status]);
      }
      return principal;
    } catch (error) {
      if (error instanceof TokenRejectedError) throw invalidToken(error.reason);
      if (error instanceof IssuerKeysUnavailableError) throw issuerKeysUnavailable();
      throw error;
    }
  }
}
