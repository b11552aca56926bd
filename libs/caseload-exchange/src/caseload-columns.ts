/**
 * The caseload spreadsheet's columns (issue 18), in the template's order: the import reads them,
 * the export writes them, the template shows them. snake_case, as the issue fixes them.
 */
export const CASELOAD_COLUMNS = [
  'first_name',
  'last_name',
  'date_of_birth',
  'email',
  'phone',
  'preferred_language',
  'country_of_training',
  'medical_school',
  'graduation_year',
  'intake_date',
  'case_manager_email',
  'career_goal',
  'step1_result',
  'step1_date',
  'step2ck_result',
  'step2ck_date',
  'step2ck_score',
  'step3_result',
  'step3_date',
  'oet_date',
  'oet_listening',
  'oet_reading',
  'oet_writing',
  'oet_speaking',
  'ecfmg_certified_on',
  'match_season',
  'match_result',
  'matched_specialty',
  'matched_state',
] as const;
export type CaseloadColumn = (typeof CASELOAD_COLUMNS)[number];

/** One invented client, the template's example row. */
export const EXAMPLE_ROW: Record<CaseloadColumn, string> = {
  first_name: 'Amina',
  last_name: 'Haddad',
  date_of_birth: '1988-04-12',
  email: 'amina.haddad@example.org',
  phone: '303-555-0142',
  preferred_language: 'ar',
  country_of_training: 'SY',
  medical_school: 'University of Damascus Faculty of Medicine',
  graduation_year: '2012',
  intake_date: '2025-09-15',
  case_manager_email: 'jordan.lee@wbc.example.org',
  career_goal: 'residency',
  step1_result: 'passed',
  step1_date: '2024-03-18',
  step2ck_result: 'passed',
  step2ck_date: '2024-11-02',
  step2ck_score: '238',
  step3_result: '',
  step3_date: '',
  oet_date: '2025-02-08',
  oet_listening: '380',
  oet_reading: '360',
  oet_writing: '320',
  oet_speaking: '370',
  ecfmg_certified_on: '2025-06-20',
  match_season: '2026',
  match_result: 'matched',
  matched_specialty: 'Family Medicine',
  matched_state: 'CO',
};

/** A header as people type it, reduced for matching: case, spaces, underscores and hyphens ignored. */
export const headerKey = (header: string): string =>
  header
    .toLowerCase()
    .replace(/[\s_-]+/g, '')
    .trim();

const KNOWN = new Map(CASELOAD_COLUMNS.map((column) => [headerKey(column), column]));

/** How a file's headers were read: which column each header is, and which headers are not ours. */
export interface HeaderMatch {
  /** Index in the file's header row → the column it holds. */
  columns: Map<number, CaseloadColumn>;
  /** Headers that name no column (reported, their cells ignored). */
  unknown: string[];
  /** A column two headers claim (the file is refused: which one is meant?). */
  duplicates: CaseloadColumn[];
}

/**
 * Matches a file's header row to the columns, without regard to case, spaces or underscores;
 * `mapping` (the file's header → a column) names the ones a file calls otherwise.
 */
export function matchHeaders(headers: readonly string[], mapping: Readonly<Record<string, string>> = {}): HeaderMatch {
  const mapped = new Map(Object.entries(mapping).map(([from, to]) => [headerKey(from), KNOWN.get(headerKey(to))]));
  const columns = new Map<number, CaseloadColumn>();
  const unknown: string[] = [];
  const seen = new Set<CaseloadColumn>();
  const duplicates: CaseloadColumn[] = [];
  headers.forEach((header, index) => {
    const key = headerKey(header);
    if (key === '') return;
    const column = mapped.get(key) ?? KNOWN.get(key);
    if (!column) {
      unknown.push(header);
      return;
    }
    if (seen.has(column)) duplicates.push(column);
    seen.add(column);
    columns.set(index, column);
  });
  return { columns, unknown, duplicates };
}
