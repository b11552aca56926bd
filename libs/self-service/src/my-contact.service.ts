import { ClientWrites } from '@lib/clients';
import { ClientFact } from '@lib/domain-events';
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
  constructor(private readonly writes: ClientWrites) {}

  async update(actor: Actor, input: UpdateMyContactDto): Promise<MyContactResponse> {
    refuseNulls(input, ['preferredLanguage']);
    const clientId = ownClientId(actor);
    // The one way to write under a client: locked, audited, refused once anonymized.
    return this.writes.underClient(actor, clientId, ClientFact.Record, async (manager, client) => {
      // Last write wins on these three fields: no If-Match for a person's own phone number.
      if (input.email !== undefined) client.email = input.email;
      if (input.phone !== undefined) client.phone = input.phone;
      if (input.preferredLanguage !== undefined) client.preferredLanguage = input.preferredLanguage;
      await manager.save(client);
      return { email: client.email, phone: client.phone, preferredLanguage: client.preferredLanguage };
    });
  }
}
