import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { AuditSubscriber } from './audit.subscriber';

/** Global: every area writes through `AuditService.transaction`, and the subscriber must exist once. */
@Global()
@Module({ providers: [AuditService, AuditSubscriber], exports: [AuditService] })
export class AuditModule {}
