import { PathwayRecords, PathwayResult, reportMilestones, ReportMilestones, Stage } from '@lib/pathway';

/** Anything that runs SQL: an EntityManager, a DataSource or a query runner. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface DerivedColumns {
  clientId: string;
  stage: Stage;
  /** How many findings (blockers and warnings) the engine gave: the caseload's badge. */
  warningCount: number;
  milestones: ReportMilestones;
}

/** What is stored on a client from its records and the engine's verdict on them. */
export function derivedColumnsOf(clientId: string, records: PathwayRecords, result: PathwayResult): DerivedColumns {
  return {
    clientId,
    stage: result.stage,
    // A blocker needs attention more than a warning does: the badge counts both.
    warningCount: result.blockers.length + result.warnings.length,
    milestones: reportMilestones(records),
  };
}

/**
 * Stores what is derived from a client's records, the engine's stage (the caseload filter), its
 * warning count (the caseload's badge) and the report milestones, for any number of clients in one statement. Raw SQL: derived data, not
 * a change to audit; rows already current are not rewritten.
 */
export async function storeDerivedColumns(db: Queryable, rows: readonly DerivedColumns[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof ReportMilestones>(key: K) => rows.map((r) => r.milestones[key]);
  await db.query(
    `UPDATE clients c SET stage = v.stage, warning_count = v.warnings, credentials_verified = v.cv, step1_passed = v.s1, step2_ck_passed = v.s2,
            oet_passed = v.oet, certified_on = v.cert, us_clinical_experience = v.usce, applied = v.applied,
            first_application_on = v.first_on, matched_season = v.season
       FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::boolean[], $5::boolean[], $6::boolean[], $7::date[],
                   $8::boolean[], $9::boolean[], $10::date[], $11::integer[], $12::smallint[])
            AS v(id, stage, cv, s1, s2, oet, cert, usce, applied, first_on, season, warnings)
      WHERE c.id = v.id
        AND (c.stage, c.warning_count, c.credentials_verified, c.step1_passed, c.step2_ck_passed, c.oet_passed, c.certified_on,
             c.us_clinical_experience, c.applied, c.first_application_on, c.matched_season)
            IS DISTINCT FROM (v.stage, v.warnings, v.cv, v.s1, v.s2, v.oet, v.cert, v.usce, v.applied, v.first_on, v.season)`,
    [
      rows.map((r) => r.clientId),
      rows.map((r) => r.stage),
      column('credentialsVerified'),
      column('step1Passed'),
      column('step2CkPassed'),
      column('oetPassed'),
      column('certifiedOn'),
      column('usClinicalExperience'),
      column('applied'),
      column('firstApplicationOn'),
      column('matchedSeason'),
      rows.map((r) => r.warningCount),
    ],
  );
}
