import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditService } from './audit.service';
import { AuditSubscriber } from './audit.subscriber';

/** The audit log's table: what the app's DataSource registers from this library. */
export const AUDIT_ENTITIES = [AuditEntry];

/** Global: every area writes through `AuditService.transaction`, and the subscriber must exist once. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(AUDIT_ENTITIES)],
  providers: [AuditService, AuditSubscriber],
  exports: [AuditService],
})
export class AuditModule {}
