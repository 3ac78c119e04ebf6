import { parseOrProblem } from '@ecab/platform';
import { Body, Controller, Header, HttpCode, Inject, Post } from '@nestjs/common';
import { z } from 'zod';
import { invalidCredentials } from './auth-problems.js';
import { Public } from './decorators.js';
import { TokenIssuer } from './token-issuer.js';
import { MAX_PASSWORD_LENGTH, UserStore } from './users/user-store.js';

const tokenRequest = z.object({
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** Local users trade their password for an access token. */
@Controller('api/v1/auth')
export class TokenController {
  constructor(
    @Inject(UserStore) private readonly users: UserStore,
    @Inject(TokenIssuer) private readonly issuer: TokenIssuer,
  ) {}

  @Public()
  @Post('token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  async token(@Body() body: unknown): Promise<TokenResponse> {
    const { username, password } = parseOrProblem(tokenRequest, body);
    const user = await this.users.verifyPassword(username, password);
    if (!user) throw invalidCredentials();
    const { accessToken, expiresIn } = this.issuer.issue({ sub: user.username, roles: user.roles, clusters: user.clusters });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn };
  }
}
