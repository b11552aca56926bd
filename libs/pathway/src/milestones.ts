import { CivilDate } from './civil-date';
import { PathwayRecords, US_CLINICAL_KINDS } from './records';

/**
 * What the directors' reports count for one client, derived from the records on every write and
 * stored on the client (as the stage is), so a report over 100,000 clients reads one table
 * instead of aggregating every exam, experience and application each time.
 */
export interface ReportMilestones {
  /** Diploma and transcript verified and the school listed in the World Directory. */
  credentialsVerified: boolean;
  /** A verified pass (what the IMG reported counts once a case manager has checked it). */
  step1Passed: boolean;
  step2CkPassed: boolean;
  oetPassed: boolean;
  certifiedOn: CivilDate | null;
  /** A US clinical kind, ongoing or completed. */
  usClinicalExperience: boolean;
  /** Submitted through ERAS or, with no date recorded, a result came in. */
  applied: boolean;
  /** The first ERAS submission. */
  firstApplicationOn: CivilDate | null;
  /** The earliest season matched in (the Match or SOAP); its Match Day comes from the calendar. */
  matchedSeason: number | null;
}

export function reportMilestones(records: PathwayRecords): ReportMilestones {
  const { credentials, exams, clinicalExperiences, matchApplications } = records;
  const passed = (exam: string) => exams.some((e) => e.exam === exam && e.status === 'passed' && e.verified);
  const submitted = matchApplications.flatMap((a) => (a.erasSubmittedAt ? [a.erasSubmittedAt] : [])).sort();
  const matched = matchApplications
    .filter((a) => a.result === 'matched' || a.result === 'matched_soap')
    .map((a) => a.season);
  return {
    credentialsVerified: Boolean(
      credentials?.diplomaVerifiedAt && credentials.transcriptVerifiedAt && credentials.schoolListedInWorldDirectory,
    ),
    step1Passed: passed('USMLE_STEP1'),
    step2CkPassed: passed('USMLE_STEP2_CK'),
    oetPassed: passed('OET_MEDICINE'),
    certifiedOn: credentials?.certificateIssuedAt ?? null,
    usClinicalExperience: clinicalExperiences.some(
      (x) => US_CLINICAL_KINDS.includes(x.kind) && (x.status === 'ongoing' || x.status === 'completed'),
    ),
    applied: matchApplications.some((a) => a.erasSubmittedAt !== null || a.result !== 'pending'),
    firstApplicationOn: submitted[0] ?? null,
    matchedSeason: matched.length > 0 ? Math.min(...matched) : null,
  };
}
