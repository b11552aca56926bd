/**
 * The least any design must do to take and serve a file (`npm run bench:documents`): `node:http`
 * and `fs`, nothing else. `POST /files` streams the request body, whatever it is, into a new file
 * (`pipeline(request, createWriteStream)`) and answers 201 with its name; `GET /files/<name>`
 * streams that file back (`createReadStream`). No multipart parsing, type sniffing, hashing,
 * authentication, database or logging.
 *
 * Started by bench/documents.ts as a child process: `RAW_PORT`, `RAW_DIR` (the folder it writes in).
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

const dir = process.env.RAW_DIR as string;

const server = createServer((request, response) => {
  const fail = (status: number) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(`{"statusCode":${status}}`);
  };
  const url = request.url ?? '/';
  if (request.method === 'POST' && url === '/files') {
    const name = randomUUID();
    pipeline(request, createWriteStream(join(dir, name), { flags: 'wx', mode: 0o600 })).then(
      () => {
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id: name }));
      },
      () => fail(500),
    );
    return;
  }
  const match = /^\/files\/([0-9a-f-]{36})$/.exec(url);
  if (request.method === 'GET' && match) {
    const path = join(dir, match[1]);
    stat(path).then(
      (file) => {
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.size });
        pipeline(createReadStream(path), response).catch(() => response.destroy());
      },
      () => fail(404),
    );
    return;
  }
  fail(404);
});

server.listen(Number(process.env.RAW_PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
