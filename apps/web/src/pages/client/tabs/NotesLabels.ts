import type { components } from '../../../api/schema';

export type ContactType = components['schemas']['NoteResponse']['contactType'];

export const CONTACT_TYPE_LABELS: Record<ContactType, string> = {
  in_person: 'In person',
  phone: 'Phone',
  email: 'E-mail',
  video: 'Video call',
  message: 'Message',
};
