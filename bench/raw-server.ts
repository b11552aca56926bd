/**
 * The practical limit the API is measured against (`npm run bench`): a minimal `node:http` server
 * with a `pg` pool and no framework that, for each endpoint, verifies the same JWT (HS256, our
 * issuer and audience, via `jsonwebtoken` as passport-jwt does) and runs exactly the SQL statements
 * the API ran for that endpoint (recorded by the benchmark from a real request), with the request's
 * value put where the recorded request had its own, then answers the rows as JSON. No routing
 * library, validation, ORM mapping, DTOs, pathway engine or logging.
 *
 * Started by bench/api.ts as a child process: `RAW_PORT`, `DATABASE_URL`, `DATABASE_POOL_SIZE`,
 * `JWT_SECRET` and `RAW_ROUTES` (a JSON file: endpoint name → recorded statements).
 */
import { createSecretKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { verify } from 'jsonwebtoken';
import { Pool } from 'pg';
import { JWT_AUDIENCE, JWT_ISSUER } from '@lib/identity';
import { bindParams, RecordedRoutes, RecordedStatement } from './recorded';

const routes = JSON.parse(readFileSync(process.env.RAW_ROUTES as string, 'utf8')) as RecordedRoutes;
// A key object made once, as the API does (a string secret is re-parsed on every verification).
const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET as string, 'utf8'));
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://raw');
  const statements = routes[url.pathname.slice(1)];
  const fail = (status: number) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(`{"statusCode":${status}}`);
  };
  if (!statements) return fail(404);
  try {
    verify((request.headers.authorization ?? '').replace(/^Bearer /, ''), secret, {
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
  } catch {
    return fail(401);
  }
  const value = url.searchParams.get('v') ?? '';
  // The body (for the write) is read and parsed, as the API must.
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    if (chunks.length > 0) JSON.parse(Buffer.concat(chunks).toString('utf8'));
    void answer(statements, value).then(
      (body) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(body);
      },
      (error: Error) => {
        process.stderr.write(`${error.message}\n`);
        fail(500);
      },
    );
  });
});

/** One connection for the request's statements (a write's BEGIN … COMMIT must share it). */
async function answer(statements: RecordedStatement[], value: string): Promise<string> {
  const connection = await pool.connect();
  try {
    const results: unknown[] = [];
    for (const statement of statements)
      results.push((await connection.query(statement.sql, bindParams(statement.params, value))).rows);
    return JSON.stringify(results);
  } finally {
    connection.release();
  }
}

server.listen(Number(process.env.RAW_PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
