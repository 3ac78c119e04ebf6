import { RequireRole } from '@ecab/auth';
import { ProblemError } from '@ecab/platform';
import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { PORTFOLIO_VIEWS } from '../projections/portfolio-projection.js';
import { PROJECTION_REBUILD, RebuildAlreadyRunningError, type ProjectionRebuild, type RebuildStatus } from '../projections/projection-rebuild.js';

/** Rebuild of a projection's read tables without downtime, and its progress. */
@Controller('api/v1/admin/projections')
@RequireRole('admin')
export class ProjectionRebuildController {
  constructor(@Inject(PROJECTION_REBUILD) private readonly rebuild: ProjectionRebuild) {}

  /** Starts a rebuild in the background: 202 with its first status; 409 while one runs. */
  @Post(':name/rebuild')
  @HttpCode(202)
  start(@Param('name') name: string): RebuildStatus {
    this.known(name);
    try {
      return this.rebuild.start();
    } catch (error) {
      if (error instanceof RebuildAlreadyRunningError) {
        throw ProblemError.conflict(`A rebuild of ${name} is already running; follow it at GET /api/v1/admin/projections/${name}/rebuild.`, {
          rebuild: error.status,
        });
      }
      throw error;
    }
  }

  @Get(':name/rebuild')
  status(@Param('name') name: string): RebuildStatus {
    this.known(name);
    return this.rebuild.status();
  }

  private known(name: string): void {
    if (name !== PORTFOLIO_VIEWS) throw ProblemError.notFound(`No projection ${name}; this service has one: ${PORTFOLIO_VIEWS}.`);
  }
}
