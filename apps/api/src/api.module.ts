import { AuditModule } from '@lib/audit';
import { IdentityPortsModule } from '@lib/clients';
import { DatabaseModule } from '@lib/database';
import { DomainEventsModule } from '@lib/domain-events';
import { KernelModule, RequiredSetting } from '@lib/kernel';
import { PathwayRecordsModule } from '@lib/pathway-records';
import { QueueModule } from '@lib/queue';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuditHttpModule } from './audit/audit-http.module';
import { AuthHttpModule } from './auth/auth-http.module';
import { CaseworkHttpModule } from './casework/casework-http.module';
import { CaseloadExchangeHttpModule } from './caseload-exchange/caseload-exchange-http.module';
import { CentersHttpModule } from './centers/centers-http.module';
import { DocumentsHttpModule } from './documents/documents-http.module';
import { ClientsHttpModule } from './clients/clients-http.module';
import { HealthModule } from './health/health.module';
import { ApiExceptionFilter } from './http/exception.filter';
import { createValidationPipe } from './http/validation';
import { MatchCalendarHttpModule } from './match-calendar/match-calendar-http.module';
import { MetricsModule } from './metrics/metrics.module';
import { PathwayRecordsHttpModule } from './pathway-records/pathway-records-http.module';
import { ProgramsHttpModule } from './programs/programs-http.module';
import { RemindersHttpModule } from './reminders/reminders-http.module';
import { ReportsHttpModule } from './reports/reports-http.module';
import { SelfServiceHttpModule } from './self-service/self-service-http.module';
import { UsersHttpModule } from './users/users-http.module';

/** Settings the API cannot start without. */
export const API_REQUIRES: readonly RequiredSetting[] = ['JWT_SECRET'];

/**
 * The HTTP API's composition root. `forRoot()` rather than a static module so that configuration
 * is read and validated when the app is built, not when this file is imported.
 */
@Module({})
export class ApiModule {
  static forRoot(): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        KernelModule.forRoot(API_REQUIRES),
        DatabaseModule,
        AuditModule,
        DomainEventsModule,
        QueueModule,
        // Global, each answering a port of a library below it: the client record's pathway verdict
        // (asked by @lib/clients), the client record's language and the assignments a staff move
        // releases (asked by @lib/identity).
        PathwayRecordsModule,
        IdentityPortsModule,
        AuthHttpModule,
        HealthModule,
        MetricsModule,
        CentersHttpModule,
        UsersHttpModule,
        ClientsHttpModule,
        CaseworkHttpModule,
        PathwayRecordsHttpModule,
        MatchCalendarHttpModule,
        ProgramsHttpModule,
        AuditHttpModule,
        RemindersHttpModule,
        ReportsHttpModule,
        SelfServiceHttpModule,
        DocumentsHttpModule,
        CaseloadExchangeHttpModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
