import { DataSource } from 'typeorm';

/**
 * Rows under a client, inserted straight (fixtures, not product writes), for the suites that walk
 * every route and need a row of each kind to address. Each returns the new row's id.
 */
export interface RowWorld {
  data: DataSource;
  /** A partner program, for referrals. */
  programId: string;
}

export const insertReturningId = async (w: RowWorld, sql: string, params: unknown[]) =>
  ((await w.data.query(sql, params)) as Array<{ id: string }>)[0].id;

export const newNote = (w: RowWorld, clientId: string) =>
  insertReturningId(
    w,
    `INSERT INTO client_notes (client_id, contact_type, contact_date, body) VALUES ($1, 'phone', '2026-11-01', 'x') RETURNING id`,
    [clientId],
  );
export const newService = (w: RowWorld, clientId: string) =>
  insertReturningId(
    w,
    `INSERT INTO client_services (client_id, category, service_date) VALUES ($1, 'mentoring', '2026-11-01') RETURNING id`,
    [clientId],
  );
export const newTask = (w: RowWorld, clientId: string) =>
  insertReturningId(w, `INSERT INTO client_tasks (client_id, title) VALUES ($1, 'x') RETURNING id`, [clientId]);
export const newReferral = (w: RowWorld, clientId: string) =>
  insertReturningId(
    w,
    `INSERT INTO client_referrals (client_id, program_id, referral_date) VALUES ($1, $2, '2026-11-01') RETURNING id`,
    [clientId, w.programId],
  );
export const newExam = (w: RowWorld, clientId: string) =>
  insertReturningId(
    w,
    `INSERT INTO exam_records (client_id, exam, status) VALUES ($1, 'USMLE_STEP2_CK', 'planned') RETURNING id`,
    [clientId],
  );
export const newExperience = (w: RowWorld, clientId: string) =>
  insertReturningId(
    w,
    `INSERT INTO clinical_experiences (client_id, kind, institution) VALUES ($1, 'observership', 'Denver Health') RETURNING id`,
    [clientId],
  );
