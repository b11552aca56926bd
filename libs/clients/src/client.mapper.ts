import { Role } from '@lib/identity';
import { PathwayResult } from '@lib/pathway';
import { Client } from './client.entity';
import {
  ClientDirectorView,
  ClientResponse,
  ClientSummary,
  ClientSummaryDirectorView,
  ClientSummaryView,
  ClientView,
} from './client.dto';
import { asSeenBy } from './director-view';

function summaryOf(c: Client): ClientSummary {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    centerId: c.centerId,
    caseManagerId: c.caseManagerId,
    status: c.status,
    stage: c.stage,
    warningCount: c.warningCount,
    countryOfTraining: c.countryOfTraining,
    intakeDate: c.intakeDate,
    lastActivityAt: c.lastActivityAt.toISOString(),
  };
}

/** A client in the caseload, as `viewer` may read it (directors: the allow-list of `ClientSummaryDirectorView`). */
export const toClientSummary = (c: Client, viewer: Role): ClientSummaryView =>
  asSeenBy(viewer, summaryOf(c), ClientSummaryDirectorView);

/**
 * A client record, with the engine's verdict when given, as `viewer` may read it: directors get
 * the allow-list of `ClientDirectorView` (DESIGN.md section 1, docs/director-view.md).
 */
export function toClientResponse(c: Client, viewer: Role, pathway?: PathwayResult): ClientView {
  const response: ClientResponse = {
    ...summaryOf(c),
    dateOfBirth: c.dateOfBirth,
    phone: c.phone,
    preferredLanguage: c.preferredLanguage,
    spokenLanguages: c.spokenLanguages,
    medicalSchool: c.medicalSchool,
    graduationYear: c.graduationYear,
    immigrationStatus: c.immigrationStatus,
    careerGoal: c.careerGoal,
    alternativeCareer: c.alternativeCareer,
    targetSpecialties: c.targetSpecialties,
    consentToShare: c.consentToShare,
    consentDate: c.consentDate,
    closedReason: c.closedReason,
    closedDate: c.closedDate,
    anonymizedAt: c.anonymizedAt?.toISOString() ?? null,
    version: c.version,
    ...(pathway && { pathway }),
  };
  return asSeenBy(viewer, response, ClientDirectorView);
}

/** The ETag of a client record: its version, quoted. */
export const etagOf = (version: number): string => `"${version}"`;
