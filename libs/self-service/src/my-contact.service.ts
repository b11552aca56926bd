import { AuditService } from '@lib/audit';
import { writeUnderClient } from '@lib/clients';
import { Actor } from '@lib/identity';
import { refuseNulls } from '@lib/kernel';
import { Injectable } from '@nestjs/common';
import { MyContactResponse, UpdateMyContactDto } from './my-status.dto';
import { ownClientId } from './own-client';

/**
 * The IMG's own contact details on their client record (phone, e-mail, preferred language),
 * audited like every change to a client. Their login e-mail is their account's, and stays.
 */
@Injectable()
export class MyContactService {
  constructor(private readonly audit: AuditService) {}

  async update(actor: Actor, input: UpdateMyContactDto): Promise<MyContactResponse> {
    refuseNulls(input, ['preferredLanguage']);
    const clientId = ownClientId(actor);
    // The one way to write under a client: locked, audited, refused once anonymized.
    return writeUnderClient(this.audit, actor, clientId, async (manager, client) => {
      // Last write wins on these three fields: no If-Match for a person's own phone number.
      if (input.email !== undefined) client.email = input.email;
      if (input.phone !== undefined) client.phone = input.phone;
      if (input.preferredLanguage !== undefined) client.preferredLanguage = input.preferredLanguage;
      await manager.save(client);
      return { email: client.email, phone: client.phone, preferredLanguage: client.preferredLanguage };
    });
  }
}
