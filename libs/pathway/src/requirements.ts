import { passed } from './attempts';
import { CivilDate, latest } from './civil-date';
import { oetVerdict } from './oet';
import { PathwayRecords } from './records';
import { PathwayRules } from './rules';

/** Where the client stands on each requirement of ECFMG certification. */
export interface CertificationStatus {
  certified: boolean;
  /** The certificate's date, when issued. */
  certifiedOn: CivilDate | null;
  step1: boolean;
  step2ck: boolean;
  /** Clinical and communication skills: an accepted Pathway plus a valid OET, or an old Step 2 CS pass. */
  clinicalSkills: boolean;
  oet: boolean;
  pathwayValidated: boolean;
  credentialsVerified: boolean;
  /** When the last of diploma and transcript was verified, once both are and the school is listed. */
  credentialsVerifiedOn: CivilDate | null;
  /** The exam requirements, which must be met by the rank-list certification deadline. */
  examsMet: boolean;
}

export function certificationStatus(records: PathwayRecords, rules: PathwayRules): CertificationStatus {
  const c = records.credentials;
  const step1 = Boolean(passed(records.exams, 'USMLE_STEP1'));
  const step2ck = Boolean(passed(records.exams, 'USMLE_STEP2_CK'));
  const oet = oetVerdict(records.exams, c, rules).valid !== null;
  const pathwayValidated = c?.ecfmgPathwayStatus === 'validated';
  const clinicalSkills = Boolean(c?.step2CsPassedAt) || (pathwayValidated && oet);
  const credentialsVerifiedOn =
    c?.diplomaVerifiedAt && c.transcriptVerifiedAt && c.schoolListedInWorldDirectory
      ? latest([c.diplomaVerifiedAt, c.transcriptVerifiedAt])
      : null;
  const credentialsVerified = credentialsVerifiedOn !== null;
  const certifiedOn = c?.certificateIssuedAt ?? null;
  return {
    certified: certifiedOn !== null,
    certifiedOn,
    credentialsVerifiedOn,
    step1,
    step2ck,
    clinicalSkills,
    oet,
    pathwayValidated,
    credentialsVerified,
    examsMet: step1 && step2ck && clinicalSkills,
  };
}
