import { Role } from '@lib/identity';
import { Client } from './client.entity';
import { ClientResponse, ClientSummary } from './client.dto';

export function toClientSummary(c: Client): ClientSummary {
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

/** Directors see client records without the sensitive fields (DESIGN.md section 1). */
export function toClientResponse(c: Client, viewerRole: Role): ClientResponse {
  const response: ClientResponse = {
    ...toClientSummary(c),
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
  };
  if (viewerRole === Role.Director) delete response.immigrationStatus;
  return response;
}

/** The ETag of a client record: its version, quoted. */
export const etagOf = (version: number): string => `"${version}"`;
