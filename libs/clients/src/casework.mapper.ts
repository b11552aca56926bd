import { Role } from '@lib/identity';
import { ClientNote, ClientReferral, ClientTask, DeliveredService } from './casework.entities';
import {
  NoteResponse,
  ReferralDirectorView,
  ReferralResponse,
  ReferralView,
  ServiceDirectorView,
  ServiceResponse,
  ServiceView,
  TaskDirectorView,
  TaskResponse,
  TaskView,
} from './casework.dto';
import { asSeenBy } from './director-view';

// `to…Response` is the whole record: the answer to a write (only admins and case managers write
// under a client) and the export. What a director may read goes through `to…View`.

export const toNoteResponse = (n: ClientNote): NoteResponse => ({
  id: n.id,
  clientId: n.clientId,
  authorId: n.authorId,
  contactType: n.contactType,
  contactDate: n.contactDate,
  body: n.body,
  createdAt: n.createdAt.toISOString(),
  updatedAt: n.updatedAt.toISOString(),
});

export const toServiceResponse = (s: DeliveredService): ServiceResponse => ({
  id: s.id,
  clientId: s.clientId,
  category: s.category,
  serviceDate: s.serviceDate,
  hours: s.hours === null ? null : Number(s.hours),
  amountCents: s.amountCents === null ? null : Number(s.amountCents),
  currency: s.currency,
  provider: s.provider,
  description: s.description,
  recordedBy: s.recordedBy,
  createdAt: s.createdAt.toISOString(),
});

export const toTaskResponse = (t: ClientTask): TaskResponse => ({
  id: t.id,
  clientId: t.clientId,
  title: t.title,
  details: t.details,
  dueDate: t.dueDate,
  assigneeUserId: t.assigneeUserId,
  assignedToClient: t.assignedToClient,
  status: t.status,
  completedAt: t.completedAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
});

export const toReferralResponse = (r: ClientReferral): ReferralResponse => ({
  id: r.id,
  clientId: r.clientId,
  programId: r.programId,
  referralDate: r.referralDate,
  status: r.status,
  note: r.note,
  createdAt: r.createdAt.toISOString(),
});

/** A service as `viewer` may read it (directors: the allow-list of `ServiceDirectorView`). */
export const toServiceView = (s: DeliveredService, viewer: Role): ServiceView =>
  asSeenBy(viewer, toServiceResponse(s), ServiceDirectorView);

/** A task as `viewer` may read it (directors: the allow-list of `TaskDirectorView`). */
export const toTaskView = (t: ClientTask, viewer: Role): TaskView =>
  asSeenBy(viewer, toTaskResponse(t), TaskDirectorView);

/** A referral as `viewer` may read it (directors: the allow-list of `ReferralDirectorView`). */
export const toReferralView = (r: ClientReferral, viewer: Role): ReferralView =>
  asSeenBy(viewer, toReferralResponse(r), ReferralDirectorView);
