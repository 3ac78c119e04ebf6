import 'reflect-metadata';
import { configureHttpApp, HEALTH_CHECKS, HealthController, TerminusModule } from '@ecab/platform';
import { Controller, type DynamicModule, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthModule, type AuthModuleOptions } from '../auth.module.js';
import { CurrentPrincipal, Public, RequireRole } from '../decorators.js';
import { assertMayCommand } from '../policy.js';
import type { Principal } from '../principal.js';

/** Stands for an app's controllers: a public route, a read, a cluster-scoped command, and a write nobody decorated. */
@Controller('test')
class TestController {
  @Public()
  @Get('public')
  open(): { ok: true } {
    return { ok: true };
  }

  @Get('projects')
  read(@CurrentPrincipal() principal: Principal): { reader: string } {
    return { reader: principal.subject };
  }

  @RequireRole('program-manager')
  @Post('clusters/:cluster/commands')
  @HttpCode(202)
  command(@Param('cluster') cluster: string, @CurrentPrincipal() principal: Principal): { actor: string } {
    assertMayCommand(principal, cluster);
    return { actor: principal.subject };
  }

  @Post('undecorated')
  @HttpCode(202)
  undecorated(): { ok: true } {
    return { ok: true };
  }
}

@Module({})
class TestAppModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return {
      module: TestAppModule,
      imports: [TerminusModule.forRoot({ logger: false }), AuthModule.forRoot({ ...options, publicControllers: [HealthController] })],
      controllers: [HealthController, TestController],
      providers: [{ provide: HEALTH_CHECKS, useValue: [] }],
    };
  }
}

export interface TestApp {
  url: string;
  close(): Promise<void>;
}

/** The app wired the way README.md tells a service to, listening on a free port. */
export async function startTestApp(options: AuthModuleOptions): Promise<TestApp> {
  const app = await NestFactory.create(TestAppModule.forRoot(options), { logger: false });
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { url, close: () => app.close() };
}
