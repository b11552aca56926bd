import { addMonths, CivilDate } from './civil-date';
import { Finding, warning } from './findings';
import { isMatched, latestApplication, residencyStart } from './match-season';
import { MatchSeason, PathwayRecords } from './records';
import { CertificationStatus } from './requirements';
import { PathwayRules } from './rules';

/**
 * An accepted ECFMG Pathway is for one Pathways season (Match year). A client who is not certified
 * and applies in a Match of another season needs it valid for that season: ECFMG's Pathways
 * Revalidation is for a Pathway "that is expired or expiring". The records hold the season, not the
 * expiry date, so this warns to check and revalidate rather than declaring the Pathway expired.
 */
export function pathwayRevalidationFindings(
  records: PathwayRecords,
  status: CertificationStatus,
  rules: PathwayRules,
): Finding[] {
  const c = records.credentials;
  if (status.certified || c?.step2CsPassedAt || !status.pathwayValidated || c?.ecfmgPathwayCycle == null) return [];
  const accepted = c.ecfmgPathwayCycle;
  const applying = records.matchApplications
    .filter((a) => a.result === 'pending' && a.season !== accepted)
    .sort((a, b) => b.season - a.season)[0];
  if (!applying) return [];
  return [
    warning(
      'PATHWAY_REVALIDATION_NEEDED',
      rules.pathwayRevalidation,
      `The ECFMG Pathway was accepted for the ${accepted} season, and the application under way is for the ${applying.season} Match: check with ECFMG that the Pathway is valid for ${applying.season}, and apply for Pathways Revalidation in that season if it is expired or expiring`,
      { season: applying.season },
    ),
  ];
}

/**
 * A certificate issued through the Pathways (no Step 2 CS pass) is time-limited until 12 months of
 * ACGME-accredited training are done. The day it can be made permanent is 12 months after the
 * residency start of the season begun (or matched into); from that day nothing is said (the
 * records hold no later training facts: continuous training is assumed).
 */
export function certificateValidityFindings(
  records: PathwayRecords,
  status: CertificationStatus,
  calendar: readonly MatchSeason[],
  today: CivilDate,
  rules: PathwayRules,
): Finding[] {
  const c = records.credentials;
  if (!status.certified || c?.step2CsPassedAt || !status.pathwayValidated) return [];
  const rule = rules.permanentValidation;
  const begun = records.matchApplications.filter((a) => a.residencyBegan).sort((a, b) => a.season - b.season)[0];
  const latest = latestApplication(records);
  const training = begun ?? (latest && isMatched(latest) ? latest : undefined);
  if (!training) {
    return [
      warning(
        'CERTIFICATE_TIME_LIMITED',
        rule,
        `The ECFMG certificate was issued through a Pathway and is subject to expiration: it becomes valid indefinitely only after ${rule.monthsOfTraining} months of ACGME-accredited training; check its expiration date and revalidate if it lapses before training starts`,
      ),
    ];
  }
  const permanentFrom = addMonths(residencyStart(calendar, training.season, rules), rule.monthsOfTraining);
  if (today >= permanentFrom) return [];
  const j1 = training.visa === 'J-1';
  return [
    warning(
      'CERTIFICATE_TIME_LIMITED',
      rule,
      `The ECFMG certificate was issued through a Pathway and is subject to expiration until ${rule.monthsOfTraining} months of ACGME-accredited training are completed (from ${permanentFrom} if training from the ${training.season} Match runs without a break): ${j1 ? 'ECFMG then makes it permanent for the J-1 it sponsors' : 'then request permanent validation from ECFMG'}`,
      { date: permanentFrom, season: training.season },
    ),
  ];
}
