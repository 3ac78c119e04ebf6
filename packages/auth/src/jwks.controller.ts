import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Public } from './decorators.js';
import { type PublicJwks, TokenIssuer } from './token-issuer.js';

/** The local issuer's public key, so other services (or an API gateway) can verify its tokens. */
@Controller('.well-known')
export class JwksController {
  constructor(@Inject(TokenIssuer) private readonly issuer: TokenIssuer) {}

  @Public()
  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  jwks(): PublicJwks {
    return this.issuer.jwks();
  }
}
