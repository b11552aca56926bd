import { CentersService } from '@lib/centers';
import {
  CaseworkService,
  Client,
  ClientPathway,
  ClientWork,
  ClientWrites,
  derivedColumnsOf,
  findClientInScope,
  rowOfClient,
  ScopedClient,
  storeDerivedColumns,
} from '@lib/clients';
import { ClientFact } from '@lib/domain-events';
import { Actor, Role, UserDirectory } from '@lib/identity';
import { MatchSeasonsService } from '@lib/match-calendar';
import { Clock, Page, refuseNulls, todayCivil, ValidationFailed } from '@lib/kernel';
import {
  addDays,
  civilDateOf,
  EXAM_NAMES,
  evaluatePathway,
  ExamStatus,
  findingText,
  SAT_STATUSES,
  PATHWAY_RULES,
  PathwayRecords,
  PathwayResult,
  MatchSeason,
  refusalsForExamWrite,
  Stage,
  TextLanguage,
} from '@lib/pathway';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { PathwayRecordsError, PathwayRecordsErrorCode, VERIFIED_RESULT_TEXTS } from './pathway-records.errors';
import {
  ClinicalExperienceResponse,
  CreateClinicalExperienceDto,
  CreateExamDto,
  CreateMatchApplicationDto,
  ClinicalExperienceView,
  CredentialsDto,
  CredentialsResponse,
  CredentialsView,
  ExamResponse,
  ExamView,
  MatchApplicationResponse,
  MatchApplicationView,
  UpdateClinicalExperienceDto,
  UpdateExamDto,
  UpdateMatchApplicationDto,
} from './pathway-records.dto';
import {
  ClinicalExperienceEntity,
  CredentialRecordEntity,
  ExamRecordEntity,
  MatchApplicationEntity,
} from './pathway-records.entities';
import {
  toApplicationRecord,
  toClinicalExperienceResponse,
  toClinicalExperienceView,
  toClinicalRecord,
  toCredentialRecord,
  toCredentialsResponse,
  toCredentialsView,
  toExamRecord,
  toExamResponse,
  toExamView,
  toMatchApplicationResponse,
  toMatchApplicationView,
} from './pathway-records.mapper';

type JsonRow = Record<string, unknown>;
interface SnapshotRow {
  id: string;
  exams: JsonRow[];
  credentials: JsonRow | null;
  experiences: JsonRow[];
  applications: JsonRow[];
}

/** Outcomes of an attempt: once verified by staff, read-only to the IMG. */
const VERIFIED_OUTCOMES: ReadonlySet<ExamStatus> = new Set(['passed', 'failed', 'incomplete']);

/**
 * A row as PostgreSQL's `row_to_json` writes it (column names, dates as `YYYY-MM-DD`) → the
 * entity's property names, by the entity's own metadata (no second naming rule to keep in step).
 */
function entityFromJson(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): (json: JsonRow) => ObjectLiteral {
  const columns = manager.connection.getMetadata(entity).columns;
  return (json) => Object.fromEntries(columns.map((c) => [c.propertyName, json[c.databaseName]]));
}

/** The details of the task that asks to verify a reported exam: it names the record, to find the task again. */
const verifyTaskDetails = (examId: string) =>
  `Reported by the client (exam record ${examId}): check it against the score report or confirmation, then mark it verified.`;

/** One client's records as the pathway engine reads them, with the Match calendar and the center's zone. */
export interface PathwaySnapshot {
  client: Client;
  records: PathwayRecords;
  matchCalendar: MatchSeason[];
  timeZone: string;
}

/** Per-client pathway lists are short (a handful of exams, experiences, seasons): one page holds them. */
const whole = <T>(items: T[]): Page<T> => ({ items, nextCursor: null });

/**
 * The pathway records of a client (exams, credentials, clinical experience, Match applications)
 * and the engine's verdict on them. Every write refreshes the client's stored stage in the same
 * transaction, so the caseload filter never disagrees with the engine.
 */
@Injectable()
export class PathwayRecordsService implements ClientPathway {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: ClientWrites,
    private readonly casework: CaseworkService,
    private readonly centers: CentersService,
    private readonly directory: UserDirectory,
    private readonly seasons: MatchSeasonsService,
    private readonly clock: Clock,
  ) {}

  /** The engine's result for a client already found in scope. */
  async evaluate(manager: EntityManager, client: Client): Promise<PathwayResult> {
    const [{ records, matchCalendar, timeZone }] = await this.snapshots(manager, [client]);
    return evaluatePathway(records, matchCalendar, PATHWAY_RULES, this.clock.now(), timeZone);
  }

  /**
   * What the engine reads, for clients already found in scope, in the order given: one query for
   * the records of any number of clients (each client's rows aggregated as JSON), one for the
   * Match calendar and one for the centers' zones. Round trips, not rows, are what a single read
   * and the reminder sweep pay for.
   */
  async snapshots(manager: EntityManager, clients: readonly Client[]): Promise<PathwaySnapshot[]> {
    const rows = await manager.query<SnapshotRow[]>(
      `SELECT c.id,
              coalesce((SELECT json_agg(e) FROM exam_records e WHERE e.client_id = c.id), '[]') AS exams,
              (SELECT row_to_json(r) FROM credential_records r WHERE r.client_id = c.id) AS credentials,
              coalesce((SELECT json_agg(x) FROM clinical_experiences x WHERE x.client_id = c.id), '[]') AS experiences,
              coalesce((SELECT json_agg(a) FROM match_applications a WHERE a.client_id = c.id), '[]') AS applications
         FROM unnest($1::uuid[]) AS c(id)`,
      [clients.map((c) => c.id)],
    );
    const matchCalendar = await this.seasons.matchCalendar(manager);
    const zones = await this.centers.timeZones(manager, [...new Set(clients.map((c) => c.centerId))]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const [exam, credential, experience, application] = [
      ExamRecordEntity,
      CredentialRecordEntity,
      ClinicalExperienceEntity,
      MatchApplicationEntity,
    ].map((entity) => entityFromJson(manager, entity));
    return clients.map((client) => {
      const row = byId.get(client.id);
      return {
        client,
        records: {
          client: { status: client.status, careerGoal: client.careerGoal },
          exams: (row?.exams ?? []).map((e) => toExamRecord(exam(e) as ExamRecordEntity)),
          credentials: toCredentialRecord(
            row?.credentials ? (credential(row.credentials) as CredentialRecordEntity) : null,
          ),
          clinicalExperiences: (row?.experiences ?? []).map((x) =>
            toClinicalRecord(experience(x) as ClinicalExperienceEntity),
          ),
          matchApplications: (row?.applications ?? []).map((a) =>
            toApplicationRecord(application(a) as MatchApplicationEntity),
          ),
        },
        matchCalendar,
        timeZone: zones.get(client.centerId) ?? 'UTC',
      };
    });
  }

  /** Stores the engine's stage, finding count and the report milestones on the client, from its records as they are now. */
  async refreshStage(manager: EntityManager, client: Client): Promise<Stage> {
    const [{ records, matchCalendar, timeZone }] = await this.snapshots(manager, [client]);
    const result = evaluatePathway(records, matchCalendar, PATHWAY_RULES, this.clock.now(), timeZone);
    await storeDerivedColumns(manager, [derivedColumnsOf(client.id, records, result)]);
    return result.stage;
  }

  // ---- exams ----

  async listExams(actor: Actor, clientId: string): Promise<Page<ExamView>> {
    const client = await findClientInScope(this.dataSource.manager, actor.scope, clientId);
    const rows = await this.dataSource
      .getRepository(ExamRecordEntity)
      .createQueryBuilder('e')
      .where('e.client_id = :id', { id: client.id })
      .orderBy('coalesce(e.test_date, e.scheduled_date, e.eligibility_end)', 'ASC', 'NULLS LAST')
      .addOrderBy('e.id', 'ASC')
      .getMany();
    return whole(rows.map((e) => toExamView(e, actor.role)));
  }

  /** Staff record exams as checked; what the IMG reports is stored unverified, with a task to verify it. */
  async createExam(actor: Actor, clientId: string, input: CreateExamDto): Promise<ExamResponse> {
    refuseNulls(input, ['status']);
    return this.write(actor, clientId, async (manager, client) => {
      const exam = manager.create(ExamRecordEntity, { clientId: client.id, status: 'planned', verified: true });
      applyExam(exam, input);
      return this.saveExam(manager, actor, client, exam);
    });
  }

  async updateExam(actor: Actor, clientId: string, id: string, input: UpdateExamDto): Promise<ExamResponse> {
    refuseNulls(input, ['status']);
    return this.write(actor, clientId, async (manager, client) => {
      const exam = await rowOfClient(manager, ExamRecordEntity, 'Exam', client, id);
      // What staff checked against a score report stays as checked: the IMG may move a date or
      // report how an attempt went, but not rewrite a verified outcome.
      if (actor.role === Role.Client && exam.verified && VERIFIED_OUTCOMES.has(exam.status)) {
        throw new PathwayRecordsError(
          'conflict',
          PathwayRecordsErrorCode.VerifiedResult,
          VERIFIED_RESULT_TEXTS[await this.directory.messageLanguageOf(manager, actor.userId)],
        );
      }
      applyExam(exam, input);
      return this.saveExam(manager, actor, client, exam);
    });
  }

  /** A case manager has checked what the IMG reported: verified, and the verify task done. */
  async verifyExam(actor: Actor, clientId: string, id: string): Promise<ExamResponse> {
    return this.write(actor, clientId, async (manager, client) => {
      const exam = await rowOfClient(manager, ExamRecordEntity, 'Exam', client, id);
      exam.verified = true;
      const saved = await manager.save(exam);
      await this.casework.completeOpenTasks(manager, client, verifyTaskDetails(id));
      return toExamResponse(saved);
    });
  }

  private async saveExam(
    manager: EntityManager,
    actor: Actor,
    client: ScopedClient,
    exam: ExamRecordEntity,
  ): Promise<ExamResponse> {
    const reportedByClient = actor.role === Role.Client;
    // An IMG reads the refusal on their own page, in their language; staff screens are English.
    await this.refuseForbidden(manager, client, exam, () =>
      reportedByClient ? this.directory.messageLanguageOf(manager, actor.userId) : Promise.resolve('en'),
    );
    if (reportedByClient) exam.verified = false;
    const saved = await manager.save(exam);
    if (reportedByClient) await this.askToVerify(manager, actor, client, saved);
    return toExamResponse(saved);
  }

  /** One open task per reported exam, for the case manager (or, with none, for the center's staff to pick up). */
  private async askToVerify(manager: EntityManager, actor: Actor, client: ScopedClient, exam: ExamRecordEntity) {
    await this.casework.openTaskOnce(manager, client, {
      title: `Verify the ${EXAM_NAMES[exam.exam]} ${client.firstName} ${client.lastName} reported`,
      details: verifyTaskDetails(exam.id),
      dueDate: addDays(todayCivil(this.clock.now()), 3),
      assigneeUserId: client.caseManagerId,
      createdBy: actor.userId,
    });
  }

  async deleteExam(actor: Actor, clientId: string, id: string): Promise<void> {
    await this.write(actor, clientId, async (manager, client) =>
      manager.remove(await rowOfClient(manager, ExamRecordEntity, 'Exam', client, id)),
    );
  }

  // ---- credentials: one record per client ----

  async getCredentials(actor: Actor, clientId: string): Promise<CredentialsView> {
    const client = await findClientInScope(this.dataSource.manager, actor.scope, clientId);
    return toCredentialsView(
      client.id,
      await this.dataSource.getRepository(CredentialRecordEntity).findOneBy({ clientId: client.id }),
      actor.role,
    );
  }

  /** Sets the fields given (null clears one); the others stay. */
  async updateCredentials(actor: Actor, clientId: string, input: CredentialsDto): Promise<CredentialsResponse> {
    return this.write(actor, clientId, async (manager, client) => {
      const record =
        (await manager.findOneBy(CredentialRecordEntity, { clientId: client.id })) ??
        manager.create(CredentialRecordEntity, { clientId: client.id });
      Object.assign(record, input);
      return toCredentialsResponse(client.id, await manager.save(record));
    });
  }

  // ---- clinical experience ----

  async listClinicalExperiences(actor: Actor, clientId: string): Promise<Page<ClinicalExperienceView>> {
    const client = await findClientInScope(this.dataSource.manager, actor.scope, clientId);
    const rows = await this.dataSource
      .getRepository(ClinicalExperienceEntity)
      .find({ where: { clientId: client.id }, order: { startDate: 'DESC', id: 'DESC' } });
    return whole(rows.map((x) => toClinicalExperienceView(x, actor.role)));
  }

  async createClinicalExperience(
    actor: Actor,
    clientId: string,
    input: CreateClinicalExperienceDto,
  ): Promise<ClinicalExperienceResponse> {
    return this.write(actor, clientId, async (manager, client) =>
      toClinicalExperienceResponse(
        await manager.save(
          checkDates(
            manager.create(ClinicalExperienceEntity, {
              status: 'planned',
              handsOn: false,
              ...input,
              clientId: client.id,
            }),
          ),
        ),
      ),
    );
  }

  async updateClinicalExperience(
    actor: Actor,
    clientId: string,
    id: string,
    input: UpdateClinicalExperienceDto,
  ): Promise<ClinicalExperienceResponse> {
    refuseNulls(input, ['kind', 'institution', 'handsOn', 'status']);
    return this.write(actor, clientId, async (manager, client) => {
      const experience = await rowOfClient(manager, ClinicalExperienceEntity, 'Clinical experience', client, id);
      return toClinicalExperienceResponse(await manager.save(checkDates(Object.assign(experience, input))));
    });
  }

  async deleteClinicalExperience(actor: Actor, clientId: string, id: string): Promise<void> {
    await this.write(actor, clientId, async (manager, client) =>
      manager.remove(await rowOfClient(manager, ClinicalExperienceEntity, 'Clinical experience', client, id)),
    );
  }

  // ---- Match applications: one per season ----

  async listMatchApplications(actor: Actor, clientId: string): Promise<Page<MatchApplicationView>> {
    const client = await findClientInScope(this.dataSource.manager, actor.scope, clientId);
    const rows = await this.dataSource
      .getRepository(MatchApplicationEntity)
      .find({ where: { clientId: client.id }, order: { season: 'DESC' } });
    return whole(rows.map((a) => toMatchApplicationView(a, actor.role)));
  }

  async createMatchApplication(
    actor: Actor,
    clientId: string,
    input: CreateMatchApplicationDto,
  ): Promise<MatchApplicationResponse> {
    return this.write(actor, clientId, async (manager, client) => {
      if (await manager.existsBy(MatchApplicationEntity, { clientId: client.id, season: input.season })) {
        throw new PathwayRecordsError(
          'conflict',
          PathwayRecordsErrorCode.SeasonTaken,
          `The client already has an application for the ${input.season} Match: update it`,
        );
      }
      refuseNulls(input, ['result', 'specialties', 'residencyBegan']);
      const application = manager.create(MatchApplicationEntity, {
        result: 'pending',
        residencyBegan: false,
        specialties: [],
        ...input,
        clientId: client.id,
      });
      return toMatchApplicationResponse(await manager.save(checkResidency(application)));
    });
  }

  async updateMatchApplication(
    actor: Actor,
    clientId: string,
    id: string,
    input: UpdateMatchApplicationDto,
  ): Promise<MatchApplicationResponse> {
    refuseNulls(input, ['result', 'specialties', 'residencyBegan']);
    return this.write(actor, clientId, async (manager, client) => {
      const application = await rowOfClient(manager, MatchApplicationEntity, 'Match application', client, id);
      return toMatchApplicationResponse(await manager.save(checkResidency(Object.assign(application, input))));
    });
  }

  async deleteMatchApplication(actor: Actor, clientId: string, id: string): Promise<void> {
    await this.write(actor, clientId, async (manager, client) =>
      manager.remove(await rowOfClient(manager, MatchApplicationEntity, 'Match application', client, id)),
    );
  }

  // ---- data rights ----

  /** Every pathway record of the client, oldest first (a REPEATABLE READ `manager` keeps them one snapshot). */
  async exportOf(manager: EntityManager, client: ScopedClient) {
    const byClient = { where: { clientId: client.id } };
    const exams = await manager.find(ExamRecordEntity, { ...byClient, order: { createdAt: 'ASC', id: 'ASC' } });
    const credentials = await manager.findOneBy(CredentialRecordEntity, { clientId: client.id });
    const clinicalExperiences = await manager.find(ClinicalExperienceEntity, {
      ...byClient,
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const matchApplications = await manager.find(MatchApplicationEntity, { ...byClient, order: { season: 'ASC' } });
    return {
      exams: exams.map(toExamResponse),
      credentials: toCredentialsResponse(client.id, credentials),
      clinicalExperiences: clinicalExperiences.map(toClinicalExperienceResponse),
      matchApplications: matchApplications.map(toMatchApplicationResponse),
    };
  }

  /** Blanks the identifiers and names in the client's pathway records; the outcomes stay for reports. */
  async anonymize(manager: EntityManager, client: ScopedClient): Promise<void> {
    await manager.query(`UPDATE clinical_experiences SET supervisor = NULL WHERE client_id = $1`, [client.id]);
    await manager.query(`UPDATE credential_records SET usmle_id = NULL WHERE client_id = $1`, [client.id]);
    await manager.query(`UPDATE match_applications SET nrmp_id = NULL WHERE client_id = $1`, [client.id]);
  }

  // ---- mechanics ----

  private write<T>(actor: Actor, clientId: string, work: ClientWork<T>): Promise<T> {
    return this.writes.underClient(actor, clientId, ClientFact.PathwayRecords, work, async (manager, client) => {
      await this.refreshStage(manager, client);
    });
  }

  /** 422 naming the rule, for what `refusalsForExamWrite` forbids, its sentences in the reader's language. */
  private async refuseForbidden(
    manager: EntityManager,
    client: Client,
    exam: ExamRecordEntity,
    /** Looked up only when something is refused: most writes are not. */
    languageOfReader: () => Promise<TextLanguage>,
  ): Promise<void> {
    const existing = (await manager.find(ExamRecordEntity, { where: { clientId: client.id } })).map(toExamRecord);
    const today = civilDateOf(this.clock.now(), await this.centers.timeZoneOf(manager, client.centerId));
    const found = refusalsForExamWrite(existing, toExamRecord(exam), PATHWAY_RULES, today);
    if (found.length > 0) {
      const language = await languageOfReader();
      const refusals = found.map((finding) => ({ ...finding, message: findingText(finding, language, today) }));
      const [first] = refusals;
      throw new PathwayRecordsError('unprocessable', first.code, first.message, {
        rule: first.rule,
        refusals: refusals.map(({ code, message, rule, date }) => ({ code, message, rule, date })),
      });
    }
  }
}

function applyExam(exam: ExamRecordEntity, input: UpdateExamDto & { exam?: CreateExamDto['exam'] }): void {
  const { oetScores, ...rest } = input;
  Object.assign(exam, rest);
  if (oetScores !== undefined) {
    exam.oetListening = oetScores?.listening ?? null;
    exam.oetReading = oetScores?.reading ?? null;
    exam.oetWriting = oetScores?.writing ?? null;
    exam.oetSpeaking = oetScores?.speaking ?? null;
  }
  const problems: Array<{ field: string; problems: string[] }> = [];
  if (SAT_STATUSES.includes(exam.status) && !exam.testDate) {
    problems.push({ field: 'testDate', problems: [`testDate is required for an exam that is ${exam.status}`] });
  }
  if (
    exam.testDate &&
    exam.testDate > todayCivil(new Date(Date.now() + 86_400_000)) &&
    SAT_STATUSES.includes(exam.status)
  ) {
    problems.push({ field: 'testDate', problems: ['testDate of an exam taken must not be in the future'] });
  }
  if (exam.resultDate && exam.testDate && exam.resultDate < exam.testDate) {
    problems.push({ field: 'resultDate', problems: ['resultDate must not be before testDate'] });
  }
  if (exam.eligibilityStart && exam.eligibilityEnd && exam.eligibilityEnd < exam.eligibilityStart) {
    problems.push({ field: 'eligibilityEnd', problems: ['eligibilityEnd must not be before eligibilityStart'] });
  }
  if (exam.extensionEnd && exam.eligibilityEnd && exam.extensionEnd < exam.eligibilityEnd) {
    problems.push({ field: 'extensionEnd', problems: ['extensionEnd must not be before eligibilityEnd'] });
  }
  if (problems.length > 0) throw new ValidationFailed(problems);
  if (exam.exam === 'OET_MEDICINE' && exam.score !== null && exam.score !== undefined) {
    throw new PathwayRecordsError(
      'invalid',
      PathwayRecordsErrorCode.InvalidField,
      'OET Medicine has sub-scores, not a score',
      {
        fields: [{ field: 'score', problems: ['OET Medicine has sub-scores (oetScores), not a score'] }],
      },
    );
  }
  if (exam.exam !== 'OET_MEDICINE' && exam.oetListening != null) {
    throw new PathwayRecordsError('invalid', PathwayRecordsErrorCode.InvalidField, 'Only OET Medicine has sub-scores', {
      fields: [{ field: 'oetScores', problems: ['oetScores are for OET Medicine only'] }],
    });
  }
}

/** Residency begins only after a match. */
function checkResidency(application: MatchApplicationEntity): MatchApplicationEntity {
  if (application.residencyBegan && application.result !== 'matched' && application.result !== 'matched_soap') {
    throw new ValidationFailed([
      { field: 'residencyBegan', problems: ['residencyBegan needs a result of matched or matched_soap'] },
    ]);
  }
  return application;
}

function checkDates(experience: ClinicalExperienceEntity): ClinicalExperienceEntity {
  if (experience.startDate && experience.endDate && experience.endDate < experience.startDate) {
    throw new PathwayRecordsError('invalid', PathwayRecordsErrorCode.InvalidField, 'endDate is before startDate', {
      fields: [{ field: 'endDate', problems: ['endDate must not be before startDate'] }],
    });
  }
  return experience;
}
