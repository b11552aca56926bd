import { addDays, addMonths, CivilDate } from './civil-date';
import { seasonDate } from './deadlines';
import { blocker, Finding, warning } from './findings';
import { MatchApplicationRecord, MatchSeason, PathwayRecords } from './records';
import { CertificationStatus, certificationStatusReportedBy } from './requirements';
import { PathwayRules } from './rules';

/** The application of the latest season (there is one per season): the stage follows it. */
export function latestApplication(records: PathwayRecords): MatchApplicationRecord | undefined {
  return [...records.matchApplications].sort((a, b) => b.season - a.season)[0];
}

export const isMatched = (application: MatchApplicationRecord): boolean =>
  application.result === 'matched' || application.result === 'matched_soap';

/** The last day of the Match month of a season (Match Week is in March of the Match year). */
function endOfMatchMonth(season: number, rules: PathwayRules): CivilDate {
  const month = String(rules.matchResultDue.matchMonth).padStart(2, '0');
  return addDays(addMonths(`${season}-${month}-01`, 1), -1);
}

/**
 * Whether a season's Match Day has gone by on `today`: the day after the calendar's Match Day, or,
 * for a season the calendar does not hold, once its Match month is over (no Match Day is guessed).
 */
export function matchDayPassed(
  calendar: readonly MatchSeason[],
  season: number,
  today: CivilDate,
  rules: PathwayRules,
): boolean {
  const matchDay = seasonDate(calendar, season, 'match_day');
  return today > (matchDay ?? endOfMatchMonth(season, rules));
}

/** A pending application whose Match Day has gone by: the applicant knows the result, the record does not. */
export interface ResultDue {
  season: number;
  /** The calendar's Match Day, null when the calendar does not hold the season. */
  matchDay: CivilDate | null;
}

/** Every pending application whose Match Day has gone by, oldest season first. */
export function resultsDue(
  records: PathwayRecords,
  calendar: readonly MatchSeason[],
  today: CivilDate,
  rules: PathwayRules,
): ResultDue[] {
  return records.matchApplications
    .filter((a) => a.result === 'pending' && matchDayPassed(calendar, a.season, today, rules))
    .sort((a, b) => a.season - b.season)
    .map((a) => ({ season: a.season, matchDay: seasonDate(calendar, a.season, 'match_day') }));
}

/** After Match Day, a season still pending asks for its result. */
export function matchResultFindings(
  records: PathwayRecords,
  calendar: readonly MatchSeason[],
  today: CivilDate,
  rules: PathwayRules,
): Finding[] {
  return resultsDue(records, calendar, today, rules).map(({ season, matchDay }) =>
    warning(
      'MATCH_RESULT_DUE',
      rules.matchResultDue,
      `The result of the ${season} Match is not recorded${matchDay ? ` (Match Day was ${matchDay})` : ''}: record whether it matched, matched through SOAP, went unmatched or was withdrawn`,
      { season, ...(matchDay ? { date: matchDay } : {}) },
    ),
  );
}

/** SOAP of a season: Monday of Match Week to Thursday, the day before Match Day, both from the calendar. */
export interface SoapWindow {
  season: number;
  opens: CivilDate;
  closes: CivilDate;
}

export function soapWindow(calendar: readonly MatchSeason[], season: number): SoapWindow | null {
  const opens = seasonDate(calendar, season, 'match_week_starts');
  const matchDay = seasonDate(calendar, season, 'match_day');
  return opens && matchDay ? { season, opens, closes: addDays(matchDay, -1) } : null;
}

/**
 * The SOAP an unmatched client can still take part in: the latest season's, unmatched, until SOAP
 * ends, provided ECFMG could verify the exam requirements by that season's rank-list deadline (an
 * IMG who missed it was withdrawn from the Match and is not SOAP-eligible). `window` is null when
 * the calendar lacks the season's SOAP dates (then only while its Match month lasts).
 */
export function soapUnderWay(
  records: PathwayRecords,
  calendar: readonly MatchSeason[],
  today: CivilDate,
  rules: PathwayRules,
): { season: number; window: SoapWindow | null } | null {
  const latest = latestApplication(records);
  if (!latest || latest.result !== 'unmatched') return null;
  const rankDeadline = seasonDate(calendar, latest.season, 'rank_list_deadline');
  if (rankDeadline && !certificationStatusReportedBy(records, rules, rankDeadline).examsMet) return null;
  const window = soapWindow(calendar, latest.season);
  const end = window?.closes ?? endOfMatchMonth(latest.season, rules);
  return today <= end ? { season: latest.season, window } : null;
}

/** An unmatched client's SOAP whose dates the calendar does not hold: said, not guessed. */
export function soapFindings(
  records: PathwayRecords,
  calendar: readonly MatchSeason[],
  today: CivilDate,
  rules: PathwayRules,
): Finding[] {
  const soap = soapUnderWay(records, calendar, today, rules);
  if (!soap || soap.window) return [];
  return [
    warning(
      'SOAP_DATES_NOT_IN_CALENDAR',
      rules.soap,
      `The SOAP dates of the ${soap.season} Match are not in the Match calendar: check them on nrmp.org (SOAP runs Monday to Thursday of Match Week)`,
      { season: soap.season },
    ),
  ];
}

/** The day residency starts for a season: the calendar's, else 1 July of the Match year. */
export function residencyStart(calendar: readonly MatchSeason[], season: number, rules: PathwayRules): CivilDate {
  return (
    seasonDate(calendar, season, 'residency_starts') ?? `${season}-${rules.certificateBeforeResidency.residencyStarts}`
  );
}

/** Matched in the latest season without the ECFMG certificate: needed before residency starts, and for a J-1. */
export function certificateBeforeResidencyFindings(
  records: PathwayRecords,
  status: CertificationStatus,
  calendar: readonly MatchSeason[],
  today: CivilDate,
  rules: PathwayRules,
): Finding[] {
  const latest = latestApplication(records);
  if (!latest || !isMatched(latest) || latest.residencyBegan || status.certified) return [];
  const starts = residencyStart(calendar, latest.season, rules);
  const j1 = latest.visa === 'J-1';
  const message =
    today <= starts
      ? `Matched in the ${latest.season} Match without the ECFMG certificate: it is needed before residency starts on ${starts}${j1 ? ', and for the J-1 visa ECFMG sponsors' : ''}`
      : `Residency from the ${latest.season} Match was to start on ${starts} and no ECFMG certificate is recorded: training cannot start without it${j1 ? ', nor ECFMG sponsor the J-1 visa' : ''}`;
  return [
    blocker('MATCHED_NOT_CERTIFIED', j1 ? rules.j1NeedsCertificate : rules.certificateBeforeResidency, message, {
      date: starts,
      season: latest.season,
    }),
  ];
}
