import { CreateCenters1795634333830 } from './1795634333830-create-centers';
import { IdentityAndAudit1795640000000 } from './1795640000000-identity-and-audit';
import { ClientRecords1795650000000 } from './1795650000000-client-records';
import { SessionCutoff1795660000000 } from './1795660000000-session-cutoff';
import { PathwayRecords1795670000000 } from './1795670000000-pathway-records';
import { Reminders1795680000000 } from './1795680000000-reminders';
import { CalendarFeed1795690000000 } from './1795690000000-calendar-feed';
import { ReportMilestones1795700000000 } from './1795700000000-report-milestones';
import { ClientWarningCount1795713000000 } from './1795713000000-client-warning-count';
import { UserSearch1795720000000 } from './1795720000000-user-search';
import { AccessTokensPerSession1795732000000 } from './1795732000000-access-tokens-per-session';
import { LoginLockoutPerSource1795733000000 } from './1795733000000-login-lockout-per-source';
import { ConfidentialityBackfill1795734000000 } from './1795734000000-confidentiality-backfill';
import { MatchCalendarEstimates1795735000000 } from './1795735000000-match-calendar-estimates';
import { PathwayAcceptedAt1795736000000 } from './1795736000000-pathway-accepted-at';
import { ExamResultDate1795737000000 } from './1795737000000-exam-result-date';
import { Documents1795738000000 } from './1795738000000-documents';

/** Every migration, oldest first. A new migration is added here as well as generated. */
export const migrations = [
  CreateCenters1795634333830,
  IdentityAndAudit1795640000000,
  ClientRecords1795650000000,
  SessionCutoff1795660000000,
  PathwayRecords1795670000000,
  Reminders1795680000000,
  CalendarFeed1795690000000,
  ReportMilestones1795700000000,
  ClientWarningCount1795713000000,
  UserSearch1795720000000,
  AccessTokensPerSession1795732000000,
  LoginLockoutPerSource1795733000000,
  ConfidentialityBackfill1795734000000,
  MatchCalendarEstimates1795735000000,
  PathwayAcceptedAt1795736000000,
  ExamResultDate1795737000000,
  Documents1795738000000,
];
