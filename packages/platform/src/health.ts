import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';

/** One dependency the service needs to work (PostgreSQL, Kafka). */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<void>;
}

/** Apps provide their checks under this token, import TerminusModule and list HealthController. */
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

interface StatusResponse {
  status(code: number): { json(body: unknown): void };
}

/** GET /health through @nestjs/terminus: 200 when every dependency answers, 503 naming the ones that do not. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
  ) {}

  @Get()
  async report(@Res() response: StatusResponse): Promise<void> {
    try {
      response.status(200).json(await this.health.check(this.checks.map((check) => () => this.probe(check))));
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503).json(error.getResponse() as HealthCheckResult);
    }
  }

  private async probe(check: HealthCheck) {
    const indicator = this.indicators.check(check.name);
    try {
      await withTimeout(check.check(), 3000);
      return indicator.up();
    } catch (error) {
      return indicator.down({ error: error instanceof Error ? error.message : String(error) });
    }
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
