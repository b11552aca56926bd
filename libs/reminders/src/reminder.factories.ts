import { CALENDAR, records } from '../../pathway/src/pathway.factories';
import { evaluatePathway, PATHWAY_RULES, PathwayRecords } from '@lib/pathway';
import { ReminderInput } from './reminder-rules';

/** Test factories for the reminder rules (not exported by the library). */

/** 15:00 UTC, 10:00 in New York: a civil hour, so a caught-up reminder goes at this instant. */
export const NOW = new Date('2026-11-01T15:00:00Z');

/** A planner input: client c1 with an account and case manager cm1, in New York; `r` the records. */
export function reminderInput(overrides: Partial<ReminderInput> & { r?: PathwayRecords } = {}): ReminderInput {
  const r = overrides.r ?? records();
  return {
    clientId: 'c1',
    clientStatus: 'active',
    clientHasAccount: true,
    caseManagerId: 'cm1',
    timeZone: 'America/New_York',
    records: r,
    pathway: evaluatePathway(r, CALENDAR, PATHWAY_RULES, overrides.now ?? NOW),
    calendar: CALENDAR,
    tasks: [],
    documents: [],
    lastContactOn: null,
    now: NOW,
    ...overrides,
  };
}
