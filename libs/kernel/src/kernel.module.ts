import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { Clock, SystemClock } from './clock';
import { Environment, RequiredSetting, validateEnvironment } from './config/environment';

/**
 * What every process needs before its first line of domain code: validated configuration
 * (`ConfigService<Environment, true>`), structured JSON logs, and the `Clock`.
 */
@Global()
@Module({})
export class KernelModule {
  static forRoot(required: readonly RequiredSetting[] = []): DynamicModule {
    return {
      module: KernelModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          cache: true,
          ignoreEnvFile: true,
          validate: (raw) => validateEnvironment(raw, required),
        }),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) => ({
            // Every path, in path-to-regexp 8 syntax (the default '*' warns and misses some).
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: {
              level: config.get('LOG_LEVEL', { infer: true }),
              // The HTTP adapter has already given each request its id (see apps/api's request-id.ts).
              genReqId: (req: IncomingMessage) => req.id ?? randomUUID(),
              // Probes and scrapes would drown the log. (Middleware sees a rewritten url.)
              autoLogging: {
                ignore: (req) =>
                  /^\/(health|metrics)/.test((req as { originalUrl?: string }).originalUrl ?? req.url ?? ''),
              },
              // A failed query's bound values (password hashes, token hashes, personal data) stay
              // out of the error log; its SQL text, with placeholders only, stays in.
              redact: {
                // (`detail` can quote a whole row: "Failing row contains (…)".)
                paths: [
                  'err.parameters',
                  'err.driverError.parameters',
                  'err.cause.parameters',
                  'err.detail',
                  'err.driverError.detail',
                ],
                censor: '[redacted]',
              },
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  // A calendar feed URL carries its secret, and a search its words (a person's
                  // name): neither goes in a log.
                  url: req.url
                    .replace(/\/calendar\/[^/?]+\.ics/, '/calendar/[secret].ics')
                    .replace(/([?&]q=)[^&]*/, '$1[redacted]'),
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            },
          }),
        }),
      ],
      providers: [{ provide: Clock, useClass: SystemClock }],
      exports: [Clock],
    };
  }
}
