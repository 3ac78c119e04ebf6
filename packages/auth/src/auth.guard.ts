import { type CanActivate, type ExecutionContext, Inject, Injectable, Optional, type Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { authenticationRequired, forbidden, invalidToken, issuerKeysUnavailable } from './auth-problems.js';
import { type AuthenticatedRequest, IS_PUBLIC, REQUIRED_ROLES } from './decorators.js';
import { TokenRejectedError } from './jwt.js';
import { canRead, hasAnyRole } from './policy.js';
import type { Principal, Role } from './principal.js';
import { IssuerKeysUnavailableError } from './signing-keys.js';
import { TokenVerifier } from './token-verifier.js';

/** Controllers the app declares public without decorating them (e.g. @ecab/platform's HealthController). */
export const PUBLIC_CONTROLLERS = Symbol('ecab:auth:public-controllers');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * Registered as APP_GUARD: every route needs a valid bearer token unless it is public. Then
 * @RequireRole decides; without it, reads (GET/HEAD/OPTIONS) need any role and anything else needs
 * admin, so a command route that forgot its decorator is closed rather than open.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  readonly #publicControllers: ReadonlySet<Type>;

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    @Optional() @Inject(PUBLIC_CONTROLLERS) publicControllers: readonly Type[] | undefined,
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
      return await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof TokenRejectedError) throw invalidToken(error.reason);
      if (error instanceof IssuerKeysUnavailableError) throw issuerKeysUnavailable();
      throw error;
    }
  }
}
