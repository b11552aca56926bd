import { Actor } from '@lib/identity';
import { NotFoundError } from '@lib/kernel';

/** The client record the caller (an IMG, scope `self`) owns: the one id every self-service call is about. */
export function ownClientId(actor: Actor): string {
  if (!actor.clientId) throw new NotFoundError('Client record of user', actor.userId);
  return actor.clientId;
}
