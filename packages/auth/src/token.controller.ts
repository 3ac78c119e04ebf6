import { parseOrProblem } from '@ecab/platform';
import { Body, Controller, Header, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { z } from 'zod';
import { invalidCredentials, tooManySignInFailures } from './auth-problems.js';
import { Public } from './decorators.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { TokenIssuer } from './token-issuer.js';
import { MAX_PASSWORD_LENGTH, normalizeUsername, UserStore } from './users/user-store.js';

const tokenRequest = z.object({
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/**
 * Local users trade their password for an access token. Failed sign-ins are limited per client address
 * and per user name (SignInThrottle): past the limit the answer is 429 with Retry-After, before any scrypt.
 */
@Controller('api/v1/auth')
export class TokenController {
  constructor(
    @Inject(UserStore) private readonly users: UserStore,
    @Inject(TokenIssuer) private readonly issuer: TokenIssuer,
    @Inject(SignInThrottle) private readonly throttle: SignInThrottle,
  ) {}

  @Public()
  @Post('token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  async token(@Body() body: unknown, @Ip() ip: string): Promise<TokenResponse> {
    const { username, password } = parseOrProblem(tokenRequest, body);
    const verdict = this.throttle.begin(ip, normalizeUsername(username));
    if (!verdict.allowed) throw tooManySignInFailures(verdict.retryAfterSeconds);
    let user: Awaited<ReturnType<UserStore['verifyPassword']>>;
    try {
      user = await this.users.verifyPassword(username, password);
    } catch (error) {
      verdict.attempt.abandoned();
      throw error;
    }
    if (!user) {
      verdict.attempt.failed();
      throw invalidCredentials();
    }
    verdict.attempt.succeeded();
    const { accessToken, expiresIn } = this.issuer.issue({ sub: user.username, roles: user.roles, clusters: user.clusters, tokenEpoch: user.tokenEpoch });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn };
  }
}
