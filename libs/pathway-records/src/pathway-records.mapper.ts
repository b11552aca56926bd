import { asSeenBy } from '@lib/clients';
import { Role } from '@lib/identity';
import { EMPTY_CREDENTIALS } from '@lib/pathway';
import type { ClinicalExperienceRecord, CredentialRecord, ExamRecord, MatchApplicationRecord } from '@lib/pathway';
import {
  ClinicalExperienceDirectorView,
  ClinicalExperienceResponse,
  ClinicalExperienceView,
  CredentialsDirectorView,
  CredentialsResponse,
  CredentialsView,
  ExamDirectorView,
  ExamResponse,
  ExamView,
  MatchApplicationDirectorView,
  MatchApplicationResponse,
  MatchApplicationView,
} from './pathway-records.dto';
import {
  ClinicalExperienceEntity,
  CredentialRecordEntity,
  ExamRecordEntity,
  MatchApplicationEntity,
} from './pathway-records.entities';

// `to…Response` is the whole record: the answer to a write (admins, case managers, the IMG) and the
// export. What a director may read goes through `to…View`.

export function toExamRecord(e: ExamRecordEntity): ExamRecord {
  // `?? null`: an entity not yet saved leaves unset columns undefined; the engine reads null as "none".
  const oet =
    e.oetListening == null || e.oetReading == null || e.oetWriting == null || e.oetSpeaking == null
      ? null
      : { listening: e.oetListening, reading: e.oetReading, writing: e.oetWriting, speaking: e.oetSpeaking };
  return {
    id: e.id,
    exam: e.exam,
    status: e.status,
    eligibilityStart: e.eligibilityStart ?? null,
    eligibilityEnd: e.eligibilityEnd ?? null,
    extensionEnd: e.extensionEnd ?? null,
    scheduledDate: e.scheduledDate ?? null,
    testDate: e.testDate ?? null,
    resultDate: e.resultDate ?? null,
    score: e.score ?? null,
    oetScores: oet,
    verified: e.verified,
  };
}

export const toExamResponse = (e: ExamRecordEntity): ExamResponse => {
  const { id, ...record } = toExamRecord(e);
  return { id, clientId: e.clientId, ...record };
};

export function toCredentialRecord(c: CredentialRecordEntity | null): CredentialRecord | null {
  if (!c) return null;
  return {
    usmleId: c.usmleId,
    schoolListedInWorldDirectory: c.schoolListedInWorldDirectory,
    diplomaVerifiedAt: c.diplomaVerifiedAt,
    transcriptVerifiedAt: c.transcriptVerifiedAt,
    ecfmgPathway: c.ecfmgPathway,
    ecfmgPathwayStatus: c.ecfmgPathwayStatus,
    ecfmgPathwayCycle: c.ecfmgPathwayCycle,
    ecfmgPathwayAcceptedAt: c.ecfmgPathwayAcceptedAt ?? null,
    step2CsPassedAt: c.step2CsPassedAt,
    certificationApplicationAt: c.certificationApplicationAt,
    certificateIssuedAt: c.certificateIssuedAt,
  };
}

/** The credentials of a client; all empty when nothing is recorded yet. */
export function toCredentialsResponse(clientId: string, c: CredentialRecordEntity | null): CredentialsResponse {
  return { clientId, ...(toCredentialRecord(c) ?? EMPTY_CREDENTIALS) };
}

export function toClinicalRecord(x: ClinicalExperienceEntity): ClinicalExperienceRecord {
  return {
    id: x.id,
    kind: x.kind,
    handsOn: x.handsOn,
    startDate: x.startDate,
    endDate: x.endDate,
    status: x.status,
    letterRequestedAt: x.letterRequestedAt,
    letterReceivedAt: x.letterReceivedAt,
  };
}

export const toClinicalExperienceResponse = (x: ClinicalExperienceEntity): ClinicalExperienceResponse => ({
  id: x.id,
  clientId: x.clientId,
  kind: x.kind,
  handsOn: x.handsOn,
  institution: x.institution,
  specialty: x.specialty,
  city: x.city,
  state: x.state,
  startDate: x.startDate,
  endDate: x.endDate,
  hours: x.hours,
  supervisor: x.supervisor,
  letterRequestedAt: x.letterRequestedAt,
  letterReceivedAt: x.letterReceivedAt,
  status: x.status,
});

export function toApplicationRecord(a: MatchApplicationEntity): MatchApplicationRecord {
  return {
    id: a.id,
    season: a.season,
    erasSubmittedAt: a.erasSubmittedAt,
    nrmpRegisteredAt: a.nrmpRegisteredAt,
    rankListCertifiedAt: a.rankListCertifiedAt,
    result: a.result,
    visa: a.visa,
    residencyBegan: a.residencyBegan,
  };
}

export const toMatchApplicationResponse = (a: MatchApplicationEntity): MatchApplicationResponse => ({
  id: a.id,
  clientId: a.clientId,
  season: a.season,
  specialties: a.specialties,
  erasSubmittedAt: a.erasSubmittedAt,
  programsApplied: a.programsApplied,
  nrmpRegisteredAt: a.nrmpRegisteredAt,
  nrmpId: a.nrmpId,
  interviewsOffered: a.interviewsOffered,
  interviewsAttended: a.interviewsAttended,
  rankListCertifiedAt: a.rankListCertifiedAt,
  result: a.result,
  matchedProgram: a.matchedProgram,
  matchedSpecialty: a.matchedSpecialty,
  matchedState: a.matchedState,
  startDate: a.startDate,
  visa: a.visa,
  residencyBegan: a.residencyBegan,
});

/** An exam as `viewer` may read it (directors: the allow-list of `ExamDirectorView`). */
export const toExamView = (e: ExamRecordEntity, viewer: Role): ExamView =>
  asSeenBy(viewer, toExamResponse(e), ExamDirectorView);

/** The credentials as `viewer` may read them (directors: the allow-list of `CredentialsDirectorView`). */
export const toCredentialsView = (clientId: string, c: CredentialRecordEntity | null, viewer: Role): CredentialsView =>
  asSeenBy(viewer, toCredentialsResponse(clientId, c), CredentialsDirectorView);

/** A clinical experience as `viewer` may read it (directors: the allow-list of `ClinicalExperienceDirectorView`). */
export const toClinicalExperienceView = (x: ClinicalExperienceEntity, viewer: Role): ClinicalExperienceView =>
  asSeenBy(viewer, toClinicalExperienceResponse(x), ClinicalExperienceDirectorView);

/** A Match application as `viewer` may read it (directors: the allow-list of `MatchApplicationDirectorView`). */
export const toMatchApplicationView = (a: MatchApplicationEntity, viewer: Role): MatchApplicationView =>
  asSeenBy(viewer, toMatchApplicationResponse(a), MatchApplicationDirectorView);
