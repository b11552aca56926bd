import { CASELOAD_COLUMNS, csvRows, EXAMPLE_ROW, xlsxRows } from '@lib/caseload-exchange';
import { Role } from '@lib/identity';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PassThrough, Readable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createCenter, createUser, tokenFor } from './support/identities';
import { asBytes } from './support/binary';
import { createTestApp } from './support/test-app';

/** Issue 18 (in progress): the caseload spreadsheet through the API. */
describe('the caseload spreadsheet through the API', () => {
  let app: NestFastifyApplication;
  let cm: Record<string, string>;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    const data = app.get(DataSource);
    const center = await createCenter(data);
    cm = bearer(tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId: center.id })));
  });
  afterAll(() => app.close());

  it.each([
    ['csv', 'text/csv; charset=utf-8', (b: Buffer) => csvRows(Readable.from([b]))],
    [
      'xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      (b: Buffer) => xlsxRows(Readable.from([b]).pipe(new PassThrough())),
    ],
  ])('serves the %s template: the columns in order and one example row', async (ext, type, read) => {
    const res = await asBytes(http().get(`/api/v1/imports/templates/clients.${ext}`).set(cm)).expect(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="clients-template.${ext}"`);
    const rows = [];
    for await (const row of read(res.body as Buffer)) rows.push(row);
    expect(rows.map((r) => r.row)).toEqual([1, 2]);
    expect(rows[0].cells).toEqual([...CASELOAD_COLUMNS]);
    expect(rows[1].cells.map((c) => (c == null ? '' : String(c)))).toEqual(CASELOAD_COLUMNS.map((c) => EXAMPLE_ROW[c]));
  });
});
