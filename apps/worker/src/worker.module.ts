import { KernelModule } from '@lib/kernel';
import { AuditModule } from '@lib/audit';
import { IdentityPortsModule } from '@lib/clients';
import { DatabaseModule } from '@lib/database';
import { DomainEventsModule } from '@lib/domain-events';
import { DocumentsModule } from '@lib/documents';
import { AccountMailModule } from '@lib/identity';
import { MailModule } from '@lib/mail';
import { RemindersModule } from '@lib/reminders';
import { QueueModule, QueueName } from '@lib/queue';
import { DynamicModule, Module, OnModuleInit, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { MailProcessor } from './mail.processor';
import { RemindersProcessor } from './reminders.processor';
import { SystemProcessor } from './system.processor';
import { handlerProblems, TypedProcessor } from './typed-processor';

const PROCESSORS: Array<Type<TypedProcessor<QueueName>>> = [SystemProcessor, MailProcessor, RemindersProcessor];

/** The worker's composition root: the queues and one processor per queue. No HTTP. */
@Module({})
export class WorkerModule implements OnModuleInit {
  constructor(private readonly moduleRef: ModuleRef) {}

  static forRoot(): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        KernelModule.forRoot(),
        DatabaseModule,
        AuditModule,
        DomainEventsModule,
        QueueModule,
        MailModule,
        AccountMailModule,
        IdentityPortsModule,
        RemindersModule,
        DocumentsModule,
      ],
      providers: PROCESSORS,
    };
  }

  /** Refuses to start when a job of the contract has no handler (it would sit in Redis forever), or two. */
  onModuleInit(): void {
    const problems = handlerProblems(PROCESSORS.map((type) => this.moduleRef.get(type)));
    if (problems.length > 0) {
      throw new Error(`The worker refuses to start: ${problems.join('; ')}`);
    }
  }
}
