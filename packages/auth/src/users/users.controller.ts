import { randomBytes } from 'node:crypto';
import { parseOrProblem, ProblemError } from '@ecab/platform';
import { Body, Controller, Get, Header, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { CurrentPrincipal, RequireRole } from '../decorators.js';
import type { Principal } from '../principal.js';
import { actorName, LOCAL_USERS, type LocalUsers } from './local-users.js';
import { userAuditView, userRequestSchemas, userView, type UserAuditView, type UserView } from './user-requests.js';
import { LastAdminError, UserAlreadyExistsError, UserStore, type LocalUser } from './user-store.js';

/** A user and, when the platform made it, the password: shown this once, never stored in clear. */
export type UserWithPassword = UserView & { password?: string };

/**
 * Admins manage the local users: create them with roles and clusters (with a password given or made
 * here), read them, change their access, disable and enable them, reset their password, and read who did
 * what to an account. Every change is audited with its actor; every bad request is a 400 naming each field.
 */
@Controller('api/v1/admin/users')
@RequireRole('admin')
export class UsersController {
  readonly #schemas: ReturnType<typeof userRequestSchemas>;

  constructor(
    @Inject(UserStore) private readonly users: UserStore,
    @Inject(LOCAL_USERS) private readonly localUsers: LocalUsers,
  ) {
    this.#schemas = userRequestSchemas(localUsers.clusters);
  }

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  async create(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<UserWithPassword> {
    const request = parseOrProblem(this.#schemas.create, body ?? {});
    const password = request.password ?? newPassword();
    try {
      const user = await this.users.create(
        { username: request.username, password, roles: request.roles, clusters: request.clusters ?? null },
        actorName(principal, this.localUsers),
      );
      return { ...userView(user), ...(request.password === undefined ? { password } : {}) };
    } catch (error) {
      if (error instanceof UserAlreadyExistsError) throw ProblemError.conflict(`A user named ${error.username} already exists.`);
      throw error;
    }
  }

  @Get()
  async list(): Promise<{ items: UserView[] }> {
    return { items: (await this.users.list()).map(userView) };
  }

  @Get(':username')
  async get(@Param() params: unknown): Promise<UserView> {
    const { username } = parseOrProblem(this.#schemas.params, params);
    return userView(found(username, await this.users.find(username)));
  }

  /** New roles and/or clusters (`clusters: null` = every cluster); the user's earlier tokens end. */
  @Patch(':username')
  async changeAccess(@Param() params: unknown, @Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<UserView> {
    const { username } = parseOrProblem(this.#schemas.params, params);
    const request = parseOrProblem(this.#schemas.changeAccess, body ?? {});
    const current = found(username, await this.users.find(username));
    const access = { roles: request.roles ?? current.roles, clusters: request.clusters === undefined ? (current.clusters ?? null) : request.clusters };
    return userView(found(username, await lastAdminGuard(() => this.users.changeAccess(username, access, actorName(principal, this.localUsers)))));
  }

  /** The user gets no token any more, and its tokens are refused from now on. */
  @Post(':username/disable')
  @HttpCode(200)
  async disable(@Param() params: unknown, @Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.#setDisabled(params, body, principal, true);
  }

  @Post(':username/enable')
  @HttpCode(200)
  async enable(@Param() params: unknown, @Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.#setDisabled(params, body, principal, false);
  }

  /** A new password, given or made here (then answered once); the user's earlier tokens end. */
  @Post(':username/password')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async resetPassword(@Param() params: unknown, @Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<UserWithPassword> {
    const { username } = parseOrProblem(this.#schemas.params, params);
    const request = parseOrProblem(this.#schemas.resetPassword, body ?? {});
    const password = request.password ?? newPassword();
    const user = found(username, await this.users.resetPassword(username, password, actorName(principal, this.localUsers)));
    return { ...userView(user), ...(request.password === undefined ? { password } : {}) };
  }

  /** Who did what to the account, oldest first. */
  @Get(':username/audit')
  async audit(@Param() params: unknown): Promise<{ items: UserAuditView[] }> {
    const { username } = parseOrProblem(this.#schemas.params, params);
    return { items: found(username, await this.users.audit(username)).map(userAuditView) };
  }

  async #setDisabled(params: unknown, body: unknown, principal: Principal, disabled: boolean): Promise<UserView> {
    const { username } = parseOrProblem(this.#schemas.params, params);
    const { reason } = parseOrProblem(this.#schemas.statusChange, body ?? {});
    const actor = actorName(principal, this.localUsers);
    return userView(found(username, await lastAdminGuard(() => this.users.setDisabled(username, disabled, actor, reason))));
  }
}

/** 24 characters of base64url: 144 random bits. */
function newPassword(): string {
  return randomBytes(18).toString('base64url');
}

function found<T>(username: string, value: T | undefined): T {
  if (value === undefined) throw ProblemError.notFound(`No user named ${username}.`);
  return value;
}

async function lastAdminGuard(change: () => Promise<LocalUser | undefined>): Promise<LocalUser | undefined> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof LastAdminError) {
      throw ProblemError.ruleViolated(
        'LAST_ADMIN',
        `${error.username} is the only enabled admin: another admin must exist before it is disabled or loses the admin role.`,
      );
    }
    throw error;
  }
}
