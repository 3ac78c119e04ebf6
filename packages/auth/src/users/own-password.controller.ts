import { parseOrProblem, ProblemError } from '@ecab/platform';
import { Body, Controller, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { forbidden, tooManySignInFailures } from '../auth-problems.js';
import { CurrentPrincipal, RequireRole } from '../decorators.js';
import type { Principal } from '../principal.js';
import { SignInThrottle } from '../sign-in-throttle.js';
import { LOCAL_USERS, type LocalUsers } from './local-users.js';
import { userRequestSchemas } from './user-requests.js';
import { UserStore } from './user-store.js';

/**
 * A local user changes its own password, proving the current one. A wrong current password counts as a
 * failed sign-in (the same limits as the token endpoint). Every token of the user ends, this one too.
 */
@Controller('api/v1/me')
export class OwnPasswordController {
  readonly #schema = userRequestSchemas(undefined).ownPassword;

  constructor(
    @Inject(UserStore) private readonly users: UserStore,
    @Inject(SignInThrottle) private readonly throttle: SignInThrottle,
    @Inject(LOCAL_USERS) private readonly localUsers: LocalUsers,
  ) {}

  @Post('password')
  @RequireRole('viewer', 'program-manager')
  @HttpCode(204)
  async change(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Ip() ip: string): Promise<void> {
    if (principal.issuer !== this.localUsers.issuer) throw forbidden(`Your account belongs to ${principal.issuer}; change its password there.`);
    const { currentPassword, newPassword } = parseOrProblem(this.#schema, body ?? {});
    const verdict = this.throttle.begin(ip, principal.subject);
    if (!verdict.allowed) throw tooManySignInFailures(verdict.retryAfterSeconds);
    let outcome: 'changed' | 'wrong-password';
    try {
      outcome = await this.users.changeOwnPassword(principal.subject, currentPassword, newPassword);
    } catch (error) {
      verdict.attempt.abandoned();
      throw error;
    }
    if (outcome === 'wrong-password') {
      verdict.attempt.failed();
      throw ProblemError.validation(
        [{ pointer: '/currentPassword', detail: 'is not your current password' }],
        'The current password is wrong; nothing was changed.',
      );
    }
    verdict.attempt.succeeded();
  }
}
