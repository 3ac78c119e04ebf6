import { Controller, Get, Inject, Res } from '@nestjs/common';

/** One dependency the service needs to work (PostgreSQL, Kafka). */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<void>;
}

/** Apps provide their checks under this token and list HealthController among their controllers. */
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

interface StatusResponse {
  status(code: number): { json(body: unknown): void };
}

@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @Get()
  async health(@Res() response: StatusResponse): Promise<void> {
    const results = await Promise.all(
      this.checks.map(async (check) => {
        try {
          await withTimeout(check.check(), 3000);
          return [check.name, { status: 'up' }] as const;
        } catch (error) {
          return [check.name, { status: 'down', error: error instanceof Error ? error.message : String(error) }] as const;
        }
      }),
    );
    const up = results.every(([, result]) => result.status === 'up');
    response.status(up ? 200 : 503).json({ status: up ? 'up' : 'down', checks: Object.fromEntries(results) });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
