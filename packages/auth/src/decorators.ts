import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { authenticationRequired } from './auth-problems.js';
import type { Principal, Role } from './principal.js';

export const IS_PUBLIC = Symbol('ecab:auth:public');
export const REQUIRED_ROLES = Symbol('ecab:auth:required-roles');

/** The route (or every route of the controller) answers without a token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The caller needs one of these roles (admin always passes). Without it, reads need any role and writes need admin. */
export const RequireRole = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/** What the guard attaches to the request. */
export interface AuthenticatedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/** The verified caller; on a @Public() route there is none, so using it there answers 401. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw authenticationRequired();
  return principal;
});
