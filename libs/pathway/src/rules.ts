import { CivilDate } from './civil-date';
import { Exam, OetScores } from './records';

/** Where a rule comes from and since when it applies: every finding cites one. */
export interface RuleSource {
  id: string;
  effectiveFrom: CivilDate;
  source: string;
}

export interface AttemptLimitRule extends RuleSource {
  /** Attempts allowed per Step, incomplete ones included; as many failures bar every Step. */
  maxAttemptsPerStep: number;
}

export interface OetCycleRule extends RuleSource {
  /** The ECFMG Pathways cycle (Match year) the rule is for. */
  cycle: number;
  /**
   * OET Medicine taken before this date does not count for the cycle; null when the cycle's cut-off
   * is not recorded here (no source found): sittings of any date count, and a warning says so.
   */
  testedOnOrAfter: CivilDate | null;
  minimum: OetScores;
  /** A lower bar that applied to sittings before a date (350 in all four before 1 April 2022). */
  earlierMinimum?: { testedBefore: CivilDate; minimum: OetScores };
}

/**
 * The pathway rules, in one versioned place. When a rule changes, add a new entry with its
 * effective date; records are judged by the entry in force at the time (the attempt limit fell
 * from 6 to 4 for applications from 1 July 2021, and a 2020 attempt still counts under the rule of
 * its day). Dates and thresholds are from the sources named; update them when ECFMG, the USMLE
 * or NRMP publish changes.
 */
export const PATHWAY_RULES = {
  version: '2026.12',

  attemptLimits: [
    {
      id: 'usmle-attempt-limit-6',
      effectiveFrom: '1900-01-01',
      maxAttemptsPerStep: 6,
      source: 'https://www.usmle.org/bulletin-information/eligibility',
    },
    {
      // "Examinees who have attempted any USMLE Step (including Step 2 CS) four or more times and have
      // not passed are ineligible to apply for USMLE Steps"; incomplete attempts count. Effective for
      // applications submitted on or after 1 July 2021 (the engine dates an attempt by its test or
      // booked date: the application date is not recorded). Read 2026-12-05.
      id: 'usmle-attempt-limit-4',
      effectiveFrom: '2021-07-01',
      maxAttemptsPerStep: 4,
      source: 'https://www.usmle.org/common-questions/attempt-limit',
    },
  ] as AttemptLimitRule[],

  /**
   * At most 3 attempts at one Step in 12 months; a 4th or later ≥ 12 months after the first and ≥ 6
   * after the last, incomplete attempts included (for applications from 1 January 2012; ECFMG 2024
   * Information Booklet, read 2026-12-05). A booking whose day has gone by with no result recorded
   * counts as an attempt for this spacing until its result says otherwise (issue 21).
   */
  retakeSpacing: {
    id: 'usmle-retake-spacing',
    effectiveFrom: '2012-01-01',
    source: 'https://ecfmg.org/2024ib/reexamination-and-reapplication.html',
    maxAttemptsIn12Months: 3,
    monthsAfterFirstForFourth: 12,
    monthsAfterLastForFourth: 6,
    /** The third attempt is a warning: one more failure and the next is the last. */
    warnAtAttempt: 3,
  },

  /**
   * A passed Step is not retaken, "except to comply with certain state board requirements": a
   * licensing authority's time limit, or "a requirement imposed by another authority recognized by
   * the USMLE program" (ECFMG), and only once that time limit has expired. No start date is
   * published (long-standing policy): 1900-01-01 stands for "always". Read 2026-12-05.
   */
  passedStepNotRetaken: {
    id: 'usmle-passed-not-retaken',
    effectiveFrom: '1900-01-01',
    source: 'https://www.usmle.org/common-questions?category=Scores',
  },

  /**
   * The one retake of a passed Step the records can document: ECFMG's 7-year window (see
   * `sevenYear`) ended with no pass of the other required Step within it, so "your earliest USMLE
   * passing performance will no longer be valid for ECFMG Certification" and may be retaken, from
   * the day after the window's last day. Step 3 is not required by ECFMG, and the records carry no
   * state board's limit: a passed Step 3 is never retaken here. No start date is published. Read 2026-12-05.
   */
  passedStepRetake: {
    id: 'ecfmg-seven-year-retake',
    effectiveFrom: '1900-01-01',
    source: 'https://ecfmg.org/2024ib/reexamination-and-reapplication.html',
  },

  step1PassFail: {
    id: 'usmle-step1-pass-fail',
    effectiveFrom: '2022-01-26',
    source: 'https://www.usmle.org/usmle-step-1-transition-passfail-score-reporting',
  },

  /**
   * ECFMG's OET Medicine rule per Pathways season (Match year): a test-date cut-off and the minimum
   * sub-scores, in one sitting. There is no "valid for two years": a result counts for a season when
   * it was taken on or after that season's cut-off. A season not listed here is judged by the nearest
   * earlier season listed, with a warning (OET_CYCLE_RULE_ASSUMED); a listed season whose cut-off no
   * stored source gives has `testedOnOrAfter: null`, also with a warning. Sources read 2026-12-05.
   */
  oetCycles: [
    {
      // "Pathway applicants who took OET Medicine on or after July 1, 2018 and attained the minimum
      // passing score on each of the four components do not need to retake OET Medicine"; 350 in each.
      id: 'oet-2021',
      cycle: 2021,
      effectiveFrom: '2020-07-10',
      testedOnOrAfter: '2018-07-01',
      minimum: { listening: 350, reading: 350, writing: 350, speaking: 350 },
      source: 'https://www.ecfmg.org/certification-requirements-2021-match/oet.html',
    },
    {
      // 350 in each of the four sub-tests in one administration; the stored page gives no test-date cut-off.
      id: 'oet-2022',
      cycle: 2022,
      effectiveFrom: '2021-01-01',
      testedOnOrAfter: null,
      minimum: { listening: 350, reading: 350, writing: 350, speaking: 350 },
      source: 'https://www.ecfmg.org/certification-requirements-2022-match/oet.html',
    },
    {
      // 2023 Pathways: 350 in all four for tests before 1 April 2022; from then Writing 300. The cut-off is
      // not in the stored announcement.
      id: 'oet-2023',
      cycle: 2023,
      effectiveFrom: '2022-03-31',
      testedOnOrAfter: null,
      minimum: { listening: 350, reading: 350, writing: 300, speaking: 350 },
      earlierMinimum: {
        testedBefore: '2022-04-01',
        minimum: { listening: 350, reading: 350, writing: 350, speaking: 350 },
      },
      source:
        'https://www.ecfmg.org/news/2022/03/31/detailed-information-available-on-2023-pathways-updated-passing-requirement-for-oet-medicine/',
    },
    {
      // 2024 Pathways: "Applicants must have attained a satisfactory score on OET Medicine on or after
      // January 1, 2022" (ECFMG, updated 8 March 2023, as quoted by the source below: ECFMG's own 2024
      // page is not in the stored sources); the April 2022 scoring change applies.
      id: 'oet-2024',
      cycle: 2024,
      effectiveFrom: '2023-03-08',
      testedOnOrAfter: '2022-01-01',
      minimum: { listening: 350, reading: 350, writing: 300, speaking: 350 },
      earlierMinimum: {
        testedBefore: '2022-04-01',
        minimum: { listening: 350, reading: 350, writing: 350, speaking: 350 },
      },
      source: 'https://blog.matcharesident.com/ecfmg-pathways-oet-updates-for-2023-24/',
    },
    {
      id: 'oet-2025',
      cycle: 2025,
      effectiveFrom: '2024-01-01',
      testedOnOrAfter: '2023-01-01',
      minimum: { listening: 350, reading: 350, writing: 300, speaking: 350 },
      source: 'https://www.ecfmg.org/certification-requirements-2025-match/',
    },
  ] as OetCycleRule[],

  /**
   * An accepted Pathway is for one Pathways season; from the 2025 season ECFMG runs "Pathways
   * Revalidation" for a previously accepted Pathway "that is expired or expiring" (the 2026 Pathways
   * announcement of 19 August 2025; the 2025 season's revalidation application closed 31 May 2025,
   * gp.ecfmg.org Focus 88). The records hold the accepted Pathway's season, not its expiry date: a
   * Match applied for in another season is a warning to check and revalidate. Read 2026-12-05.
   */
  pathwayRevalidation: {
    id: 'ecfmg-pathway-revalidation',
    effectiveFrom: '2025-05-21',
    source:
      'https://www.ecfmg.org/news/2025/08/19/detailed-information-and-online-application-for-2026-pathways-now-available',
  },

  /**
   * "ECFMG Certificates issued to applicants who satisfy the clinical and communication skills
   * requirements for ECFMG Certification through the Pathways program are subject to expiration"; they
   * become valid indefinitely after "at least 12 months of clinical education in an eligible U.S.
   * graduate medical education (GME) training program" (ACGME-accredited): automatic for J-1 physicians
   * ECFMG sponsors, on request for others. No start date is published: the first Pathways certificates
   * were for the 2021 Match, whose OET rule ECFMG announced on 10 July 2020 (that date stands for the start). Read 2026-12-05.
   */
  permanentValidation: {
    id: 'ecfmg-permanent-validation',
    effectiveFrom: '2020-07-10',
    source: 'https://ecfmg.org/certification-pathways/permanent-validation.html',
    monthsOfTraining: 12,
  },

  sevenYear: {
    id: 'ecfmg-seven-year',
    effectiveFrom: '1900-01-01',
    source: 'https://www.ecfmg.org/certification/requirements-for-certification.html',
    years: 7,
    /** Warn when this many days or fewer are left (nobody else tells the applicant). */
    warnDays: [180, 90, 30],
  },

  eligibilityWindow: {
    id: 'usmle-eligibility-window',
    effectiveFrom: '1900-01-01',
    source: 'https://www.usmle.org/bulletin-information/eligibility',
    warnDays: 60,
  },

  /**
   * ECFMG must have verified the exam requirements (and the clinical and communication skills
   * requirement) by the rank order list certification deadline "to participate in the Match and
   * SOAP": a result reported by then counts, an exam merely sat does not (see `resultLeadTime`).
   * The deadline is the calendar's instant (NRMP states it as 9 p.m. ET); it has passed from the
   * minute after. Read 2026-12-05.
   */
  rankListDeadline: {
    id: 'nrmp-rank-list-requirements',
    effectiveFrom: '1900-01-01',
    source:
      'https://www.nrmp.org/help/item/what-requirements-for-ecfmg-certification-must-i-complete-to-be-eligible-to-participate-in-the-main-residency-match/',
    warnDays: 60,
    /** NRMP and ERAS state their deadlines in US Eastern time. */
    timeZone: 'America/New_York',
  },

  /**
   * How long after the test day a result is usually reported: "Most score reporting of Step 2
   * Clinical Knowledge (CK) results occurs within four weeks of testing" (usmle.org announcements,
   * 2016 and 2019; read 2026-12-05). Step 1 and Step 3 are assumed the same (USMLE results are
   * typically reported 3-4 weeks after the test; the upper end is taken). OET Medicine is not
   * modelled (0 days): no source was found for its lead time. A record carries no result date, so
   * the lead time is applied to every pass.
   */
  resultLeadTime: {
    id: 'usmle-result-lead-time',
    effectiveFrom: '2016-05-20',
    source: 'https://usmle.org/announcements/?ContentId=241',
    days: { USMLE_STEP1: 28, USMLE_STEP2_CK: 28, USMLE_STEP3: 28, OET_MEDICINE: 0 } as Record<Exam, number>,
  },

  step3NeedsCertification: {
    id: 'usmle-step3-needs-ecfmg',
    effectiveFrom: '1900-01-01',
    source: 'https://www.usmle.org/bulletin-information/eligibility',
  },

  h1bNeedsStep3: {
    id: 'h1b-needs-step3',
    effectiveFrom: '1900-01-01',
    source: 'https://www.ecfmg.org/resources/j1-visa-sponsorship.html',
  },

  // ---- Match season (issue 21): stage by the latest season, the result after Match Day, SOAP, the certificate ----

  /**
   * Applicants learn where they matched on Match Day (its date is the calendar's): a season still
   * pending the day after asks for its result. The center's bookkeeping, not an NRMP rule: the
   * source is where NRMP publishes Match Day.
   */
  matchResultDue: {
    id: 'nrmp-match-result-due',
    effectiveFrom: '1900-01-01',
    source: 'https://www.nrmp.org/match-calendars/',
    /** Match Week is in March of the Match year: a season missing from the calendar is over once its March is. */
    matchMonth: 3,
  },

  /**
   * SOAP, Monday to Thursday of Match Week (first run in the 2012 Match): eligible unmatched applicants
   * apply to unfilled programs through ERAS and answer offers in R3. An IMG is eligible only if ECFMG
   * verified the exam requirements by the rank-list deadline (nrmp.org help: ECFMG requirements for
   * the Match and SOAP). Its dates are the calendar's Match Week start (Monday) and the day before
   * Match Day (Thursday); the offer rounds' hours are not in the calendar.
   */
  soap: {
    id: 'nrmp-soap',
    effectiveFrom: '2012-03-12',
    source: 'https://www.nrmp.org/residency-applicants/soap/',
  },

  /**
   * ACGME requires an IMG entering an accredited residency to be certified by ECFMG, so a match
   * without the certificate is at risk on the day residency starts (the calendar's, else 1 July of
   * the Match year).
   */
  certificateBeforeResidency: {
    id: 'ecfmg-certificate-before-residency',
    effectiveFrom: '1900-01-01',
    source: 'https://ecfmg.org/2021ib/related-services.html',
    /** Month and day residency starts when the calendar has no `residency_starts` for the season. */
    residencyStarts: '07-01',
  },

  /** ECFMG sponsors J-1 physicians for ACGME training; its sponsorship application asks for the certificate. */
  j1NeedsCertificate: {
    id: 'ecfmg-j1-needs-certificate',
    effectiveFrom: '1900-01-01',
    source: 'https://www.ecfmg.org/evsp/application-checklists.html',
  },
};

export type PathwayRules = typeof PATHWAY_RULES;

/** The entry of a dated rule list in force on `date`. */
export function ruleInForce<R extends RuleSource>(rules: readonly R[], date: CivilDate): R {
  const inForce = rules
    .filter((rule) => rule.effectiveFrom <= date)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  return inForce[0] ?? rules[0];
}
