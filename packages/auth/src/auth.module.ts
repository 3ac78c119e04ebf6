import { type DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { type AuthConfig, createTokenVerifier } from './auth-config.js';
import { AuthGuard, PUBLIC_CONTROLLERS } from './auth.guard.js';
import { JwksController } from './jwks.controller.js';
import { TokenController } from './token.controller.js';
import { TokenIssuer } from './token-issuer.js';
import { TokenVerifier } from './token-verifier.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { LOCAL_USERS, type LocalUsers } from './users/local-users.js';
import { OwnPasswordController } from './users/own-password.controller.js';
import { UsersController } from './users/users.controller.js';
import { UserStore } from './users/user-store.js';

export interface AuthModuleOptions {
  /** Where the `users` table lives (its migration must be registered: authMigrations). */
  dataSource: DataSource;
  /** Usually authConfigFromEnv(). */
  config: AuthConfig;
  /** A ready issuer (tests, or one shared with a seed script); built from config when omitted. */
  issuer?: TokenIssuer;
  /** A ready verifier; built from config when omitted. */
  verifier?: TokenVerifier;
  /** Controllers that answer without a token although they are not decorated @Public() (e.g. HealthController). */
  publicControllers?: Type[];
  /** The cluster names a user may be limited to (the domain's); auth knows none of its own. */
  clusters?: readonly string[];
}

/**
 * Registers the global AuthGuard (APP_GUARD), and when local tokens are on the token endpoint, JWKS and
 * the account endpoints (`/api/v1/admin/users`, `/api/v1/me/password`); exports TokenVerifier, UserStore
 * and TokenIssuer to the app. Tokens of AUTH_ISSUER are checked against their account in the `users` table
 * (a service that only verifies them, like portfolio-views, shares the database).
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const { config } = options;
    const issuer = config.localTokens
      ? (options.issuer ??
        new TokenIssuer({ issuer: config.issuer, audience: config.audience, ttlSeconds: config.tokenTtlSeconds, privateKeyPem: config.privateKeyPem }))
      : undefined;
    const verifier = options.verifier ?? createTokenVerifier(config, issuer);
    const localUsers: LocalUsers = { issuer: issuer?.issuer ?? config.issuer, clusters: options.clusters };
    const providers: Provider[] = [
      { provide: TokenVerifier, useValue: verifier },
      { provide: UserStore, useValue: new UserStore(options.dataSource, { accountRecheckMs: config.accountRecheckMs }) },
      { provide: LOCAL_USERS, useValue: localUsers },
      { provide: SignInThrottle, useValue: new SignInThrottle(config.signIn) },
      { provide: PUBLIC_CONTROLLERS, useValue: options.publicControllers ?? [] },
      { provide: APP_GUARD, useClass: AuthGuard },
      ...(issuer ? [{ provide: TokenIssuer, useValue: issuer }] : []),
    ];
    return {
      module: AuthModule,
      controllers: issuer ? [TokenController, JwksController, UsersController, OwnPasswordController] : [],
      providers,
      exports: [TokenVerifier, UserStore, ...(issuer ? [TokenIssuer] : [])],
    };
  }
}
