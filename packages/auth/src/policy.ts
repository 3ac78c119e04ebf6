import { authenticationRequired, forbidden } from './auth-problems.js';
import type { Principal, Role } from './principal.js';

/**
 * Who may do what, in one place (the table in README.md):
 *   admin           → everything
 *   program-manager → reads; commands on projects of its clusters (every cluster when unscoped)
 *   viewer          → reads only
 *   no token        → public routes only
 */

/** Any known role may read. */
export function canRead(principal: Principal): boolean {
  return principal.roles.length > 0;
}

/** True when the principal holds one of `required`; admin holds every role. */
export function hasAnyRole(principal: Principal, required: readonly Role[]): boolean {
  return principal.roles.includes('admin') || required.some((role) => principal.roles.includes(role));
}

/** May the principal send commands to a project of `cluster`? Pure; the handler calls it once it knows the cluster. */
export function canActOnCluster(principal: Principal, cluster: string): boolean {
  if (principal.roles.includes('admin')) return true;
  if (!principal.roles.includes('program-manager')) return false;
  return principal.clusters === undefined || principal.clusters.includes(cluster);
}

/** Throws 401/403 problems unless the principal may command a project of `cluster`. */
export function assertMayCommand(principal: Principal | undefined, cluster: string): asserts principal is Principal {
  if (!principal) throw authenticationRequired();
  if (canActOnCluster(principal, cluster)) return;
  if (!principal.roles.includes('program-manager')) throw forbidden('Your role may not change projects.');
  throw forbidden(`You may not change projects of the ${cluster} cluster.`);
}

/**
 * May the principal change what belongs to the whole programme (its targets, governance, the
 * organisations register)? Admins and program managers not limited to clusters.
 */
export function canActOnProgramme(principal: Principal): boolean {
  if (principal.roles.includes('admin')) return true;
  return principal.roles.includes('program-manager') && principal.clusters === undefined;
}

/** Throws 401/403 problems unless the principal may change programme-wide records. */
export function assertMayCommandProgramme(principal: Principal | undefined): asserts principal is Principal {
  if (!principal) throw authenticationRequired();
  if (canActOnProgramme(principal)) return;
  if (!principal.roles.includes('program-manager')) throw forbidden('Your role may not change programme records.');
  throw forbidden(
    'Programme records (targets, governance, organisations) are changed by program managers of every cluster; yours are limited to some clusters.',
  );
}
