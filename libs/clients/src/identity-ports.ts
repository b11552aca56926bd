import { ClientLanguageSource, StaffAssignments } from '@lib/identity';
import { Global, Injectable, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Client } from './client.entity';
import { ClientStaffAssignments } from './staff-assignments';

/** Answers identity's `ClientLanguageSource` port from the client record. */
@Injectable()
export class ClientRecordLanguages implements ClientLanguageSource {
  async preferredLanguageOf(manager: EntityManager, clientId: string): Promise<string | null> {
    const client = await manager.findOne(Client, {
      select: { id: true, preferredLanguage: true },
      where: { id: clientId },
    });
    return client?.preferredLanguage ?? null;
  }
}

/**
 * Identity's ports, answered from the client records. Global: identity (below this library) asks
 * for them; the apps import this once.
 */
@Global()
@Module({
  providers: [
    { provide: ClientLanguageSource, useClass: ClientRecordLanguages },
    { provide: StaffAssignments, useClass: ClientStaffAssignments },
  ],
  exports: [ClientLanguageSource, StaffAssignments],
})
export class IdentityPortsModule {}
