import { CreateClientDto } from '@lib/clients';
import { Exam, ExamStatus, meetsMinimum, minimumFor, oetRuleFor, PATHWAY_RULES } from '@lib/pathway';
import { CreateExamDto, CreateMatchApplicationDto } from '@lib/pathway-records';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { Cell, Read, readChoice, readDate, readInteger, readText } from './caseload-cells';
import { CaseloadColumn } from './caseload-columns';

/** A problem of one cell (or of the row, `column` null), as the import reports it. */
export interface RowProblem {
  row: number;
  column: CaseloadColumn | null;
  value: string;
  problem: string;
}

/** One spreadsheet row read as what the API would be asked to write for it. */
export interface ImportedClient {
  row: number;
  client: CreateClientDto;
  /** Who works the case: a case manager of the center, found by e-mail when the import writes. */
  caseManagerEmail: string | null;
  exams: CreateExamDto[];
  certificateIssuedAt: string | null;
  matchApplication: CreateMatchApplicationDto | null;
}

const RESULTS = ['passed', 'failed', 'incomplete', 'result_pending'] as const;
const RESULT_ALIASES: Record<string, (typeof RESULTS)[number]> = {
  pass: 'passed',
  p: 'passed',
  fail: 'failed',
  f: 'failed',
  pending: 'result_pending',
};
const MATCH_RESULTS = ['pending', 'matched', 'matched_soap', 'unmatched', 'withdrawn'] as const;

/** The Steps as the spreadsheet names them. */
const STEPS: Array<{ exam: Exam; result: CaseloadColumn; date: CaseloadColumn; score?: CaseloadColumn }> = [
  { exam: 'USMLE_STEP1', result: 'step1_result', date: 'step1_date' },
  { exam: 'USMLE_STEP2_CK', result: 'step2ck_result', date: 'step2ck_date', score: 'step2ck_score' },
  { exam: 'USMLE_STEP3', result: 'step3_result', date: 'step3_date' },
];

/** Where a DTO property's problem is reported: the column the person typed it in. */
const CLIENT_COLUMNS: Record<string, CaseloadColumn> = {
  firstName: 'first_name',
  lastName: 'last_name',
  dateOfBirth: 'date_of_birth',
  email: 'email',
  phone: 'phone',
  preferredLanguage: 'preferred_language',
  countryOfTraining: 'country_of_training',
  medicalSchool: 'medical_school',
  graduationYear: 'graduation_year',
  intakeDate: 'intake_date',
  careerGoal: 'career_goal',
};
const MATCH_COLUMNS: Record<string, CaseloadColumn> = {
  season: 'match_season',
  result: 'match_result',
  matchedSpecialty: 'matched_specialty',
  matchedState: 'matched_state',
};

/**
 * A row's cells (by column) read as the writes the API would make for it, every value validated
 * as the API validates it (the same DTOs), and every problem of the row at once. Rules that
 * depend on what is stored (duplicates, the case manager, the attempt limits) are the import's.
 */
export function readCaseloadRow(
  row: number,
  cells: ReadonlyMap<CaseloadColumn, Cell>,
): { client: ImportedClient | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const shown = (column: CaseloadColumn) => {
    const cell = cells.get(column);
    return cell === null || cell === undefined
      ? ''
      : cell instanceof Date
        ? cell.toISOString().slice(0, 10)
        : String(cell);
  };
  const take = <T>(column: CaseloadColumn, read: Read<T>): T | null => {
    if ('problem' in read) {
      problems.push({ row, column, value: shown(column), problem: read.problem });
      return null;
    }
    return read.value;
  };
  const text = (column: CaseloadColumn, max: number) => take(column, readText(cells.get(column), max));
  const date = (column: CaseloadColumn) => take(column, readDate(cells.get(column)));
  const integer = (column: CaseloadColumn, min: number, max: number) =>
    take(column, readInteger(cells.get(column), min, max));

  const client = compact({
    firstName: text('first_name', 200),
    lastName: text('last_name', 200),
    dateOfBirth: date('date_of_birth'),
    email: text('email', 320),
    phone: text('phone', 40),
    preferredLanguage: text('preferred_language', 20)?.toLowerCase(),
    countryOfTraining: text('country_of_training', 10)?.toUpperCase(),
    medicalSchool: text('medical_school', 300),
    graduationYear: integer('graduation_year', 1900, 2100),
    intakeDate: date('intake_date'),
    careerGoal: text('career_goal', 50)
      ?.toLowerCase()
      .replace(/[\s-]+/g, '_'),
  });
  problems.push(...validated(row, CreateClientDto, client, CLIENT_COLUMNS, shown));

  const exams: CreateExamDto[] = [];
  for (const step of STEPS) {
    const exam = readStep(row, step, cells, shown, problems);
    if (exam) exams.push(exam);
  }
  const oet = readOet(row, cells, shown, problems, take);
  if (oet) exams.push(oet);
  for (const exam of exams) problems.push(...validated(row, CreateExamDto, exam, {}, shown, exam.exam));

  const season = integer('match_season', 2000, 2100);
  const matchResult = take(
    'match_result',
    readChoice(cells.get('match_result'), MATCH_RESULTS, { soap: 'matched_soap' }),
  );
  const matchedSpecialty = text('matched_specialty', 100);
  const matchedState = text('matched_state', 2)?.toUpperCase() ?? null;
  let matchApplication: CreateMatchApplicationDto | null = null;
  if (season !== null) {
    const application = compact({ season, result: matchResult, matchedSpecialty, matchedState });
    problems.push(...validated(row, CreateMatchApplicationDto, application, MATCH_COLUMNS, shown));
    matchApplication = application as CreateMatchApplicationDto;
  } else if (matchResult || matchedSpecialty || matchedState) {
    problems.push({
      row,
      column: 'match_season',
      value: '',
      problem: 'a Match result needs its season (the Match year)',
    });
  }

  const certificateIssuedAt = date('ecfmg_certified_on');
  return {
    client:
      problems.length === 0
        ? {
            row,
            client: client as CreateClientDto,
            caseManagerEmail: text('case_manager_email', 320)?.toLowerCase() ?? null,
            exams,
            certificateIssuedAt,
            matchApplication,
          }
        : null,
    problems,
  };
}

/** A Step's result, date and score as one exam record; a result needs its day, a score its result. */
function readStep(
  row: number,
  step: (typeof STEPS)[number],
  cells: ReadonlyMap<CaseloadColumn, Cell>,
  shown: (column: CaseloadColumn) => string,
  problems: RowProblem[],
): CreateExamDto | null {
  const problem = (column: CaseloadColumn, text: string) =>
    problems.push({ row, column, value: shown(column), problem: text });
  const dateRead = readDate(cells.get(step.date));
  if ('problem' in dateRead) problem(step.date, dateRead.problem);
  const testDate = 'value' in dateRead ? dateRead.value : null;
  const raw = cells.get(step.result);
  let status: ExamStatus | null = null;
  if (step.exam === 'USMLE_STEP1' && /^\s*\d{3}\s*$/.test(String(raw ?? ''))) {
    // Step 1 reports pass/fail from 26 January 2022; earlier scores are not carried over.
    problem(
      step.result,
      testDate && testDate >= PATHWAY_RULES.step1PassFail.effectiveFrom
        ? `Step 1 taken on or after ${PATHWAY_RULES.step1PassFail.effectiveFrom} is reported pass/fail: write passed or failed`
        : 'write passed or failed: Step 1 scores are not imported',
    );
  } else {
    const result = readChoice(raw, RESULTS, RESULT_ALIASES);
    if ('problem' in result) problem(step.result, result.problem);
    else status = result.value;
  }
  const scoreRead = step.score ? readInteger(cells.get(step.score), 1, 300) : { value: null };
  if (step.score && 'problem' in scoreRead) problem(step.score, scoreRead.problem);
  const score = 'value' in scoreRead ? scoreRead.value : null;
  if (status === null && testDate === null) {
    if (score !== null && step.score) problem(step.score, 'a score needs the result and the day it was taken');
    return null;
  }
  if (testDate === null) {
    problem(step.date, 'a result needs the day the exam was taken');
    return null;
  }
  return compact({ exam: step.exam, status: status ?? 'result_pending', testDate, score }) as CreateExamDto;
}

/** An OET Medicine sitting: its day and all four sub-scores; passed or failed as ECFMG's minimum of its day says. */
function readOet(
  row: number,
  cells: ReadonlyMap<CaseloadColumn, Cell>,
  shown: (column: CaseloadColumn) => string,
  problems: RowProblem[],
  take: <T>(column: CaseloadColumn, read: Read<T>) => T | null,
): CreateExamDto | null {
  const parts = ['oet_listening', 'oet_reading', 'oet_writing', 'oet_speaking'] as const;
  const testDate = take('oet_date', readDate(cells.get('oet_date')));
  const scores = parts.map((part) => take(part, readInteger(cells.get(part), 0, 500)));
  const given = scores.filter((s) => s !== null).length;
  if (testDate === null && given === 0) return null;
  if (testDate === null) {
    problems.push({
      row,
      column: 'oet_date',
      value: shown('oet_date'),
      problem: 'OET scores need the day of the sitting',
    });
    return null;
  }
  if (given !== parts.length) {
    const missing = parts.filter((_, i) => scores[i] === null);
    for (const part of missing) {
      problems.push({ row, column: part, value: shown(part), problem: 'an OET sitting needs all four sub-scores' });
    }
    return null;
  }
  const [listening, reading, writing, speaking] = scores as number[];
  const oetScores = { listening, reading, writing, speaking };
  const { rule } = oetRuleFor(null, PATHWAY_RULES);
  const passed = meetsMinimum(oetScores, minimumFor(rule, testDate));
  return { exam: 'OET_MEDICINE', status: passed ? 'passed' : 'failed', testDate, oetScores } as CreateExamDto;
}

/** The DTO's own validation (as the API runs it), its problems put on the columns they came from. */
function validated(
  row: number,
  dto: new () => object,
  value: object,
  columns: Record<string, CaseloadColumn>,
  shown: (column: CaseloadColumn) => string,
  exam?: Exam,
): RowProblem[] {
  const errors = validateSync(plainToInstance(dto, value), { whitelist: true, forbidNonWhitelisted: true });
  return flatten(errors).map(({ property, message }) => {
    const column = columns[property] ?? examColumn(exam, property);
    return { row, column, value: column ? shown(column) : '', problem: message };
  });
}

function examColumn(exam: Exam | undefined, property: string): CaseloadColumn | null {
  const step = STEPS.find((s) => s.exam === exam);
  if (property === 'testDate') return step?.date ?? (exam === 'OET_MEDICINE' ? 'oet_date' : null);
  if (property === 'score') return step?.score ?? step?.result ?? null;
  if (property === 'status') return step?.result ?? null;
  const oet = /^oetScores\.(listening|reading|writing|speaking)$/.exec(property);
  return oet ? (`oet_${oet[1]}` as CaseloadColumn) : null;
}

function flatten(errors: ValidationError[], prefix = ''): Array<{ property: string; message: string }> {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}).map((message) => ({ property: `${prefix}${error.property}`, message })),
    ...flatten(error.children ?? [], `${prefix}${error.property}.`),
  ]);
}

/** The object without its null fields: a blank cell is a field left out, as an API client would. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}
