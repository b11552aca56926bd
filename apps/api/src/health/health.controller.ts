import { Public } from '../auth/auth.decorators';
import { KernelError, KernelErrorCode } from '@lib/kernel';
import { Controller, Get, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /** Liveness: the process answers. Never touches a dependency, so a slow database never restarts it. */
  @Get()
  @ApiOkResponse({ description: 'The process is alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Redis answer. 503 names what is down. */
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ description: 'PostgreSQL and Redis answer' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; the body names it' })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 1500 }),
        () => this.redis.check('redis'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      // The body names what is down; the driver's words (hosts, user names) go to the log only.
      this.logger.warn({ checks: result.details }, 'not ready');
      const down = Object.keys(result.error ?? {});
      const checks = Object.fromEntries(
        Object.entries(result.details).map(([name, info]) => [name, { status: info.status }]),
      );
      throw new KernelError(
        'unavailable',
        KernelErrorCode.DependencyDown,
        `Not ready: ${down.map((name) => `${name} is down`).join('; ')}`,
        {
          checks,
        },
      );
    }
  }
}
