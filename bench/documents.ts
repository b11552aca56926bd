/**
 * `npm run bench:documents [-- --seconds 4 --rounds 3 --no-build --no-write --profile]`: document
 * uploads and downloads through the API beside the least any design must do, in the same run.
 *
 * 1. A throwaway database (`img_pathways_documents_bench_test`, dropped and recreated, migrated), a
 *    center, a case manager (a real login through the API) and ten clients; Redis database 13
 *    (flushed).
 * 2. The built API (`dist/`, `NODE_ENV=production`, `LOG_LEVEL=warn`, a process of its own) with
 *    `STORAGE_URL=file:<a temporary folder>`, and `bench/raw-files.ts` (`node:http` + `fs`: the
 *    request body piped to a file, a file piped back) in a process of its own beside it.
 * 3. Memory: each process's resident set (`/proc/<pid>/status`, sampled every 20 ms from here, and
 *    its `VmHWM` peak, reset first through `/proc/<pid>/clear_refs`) before and during ten
 *    concurrent 1 MB uploads, then ten concurrent 20 MB ones.
 * 4. Throughput: for 1 MB and 20 MB files, with 1 and 10 uploads in flight, closed loops of
 *    `--seconds` in all against each server with the same multipart bodies, in `--rounds` slices
 *    taken in turn (API, raw, API, raw, ...); then the same for downloads of one stored file of
 *    each size.
 * 5. A table, `bench/results/documents-<date>.json`, and BENCHMARKS.md's generated block for this
 *    benchmark (between its markers; the rest of the file is left as it is). With `--no-write`, or
 *    `--profile` (a CPU profile of the API into bench/results/profiles/), only the table.
 *
 * A benchmark, not a test: it prints figures and never fails on speed. It fails (and says what it
 * saw) only when the API answers an upload or download with anything but success.
 */
import 'reflect-metadata';
import { ChildProcess, execSync } from 'node:child_process';
import { randomBytes, randomFillSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import Redis from 'ioredis';
import { format, resolveConfig } from 'prettier';
import { Role } from '@lib/identity';
import { recreateDatabase } from '@lib/database';
import { productDataSource } from '@app/cli';
import { createCenter, createClient, createUser, TEST_PASSWORD } from '../test/support/identities';
import { login, residentMegabytes, say, startProcess, stopProcess, waitFor } from './processes';

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/img_pathways_documents_bench_test';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/13';
const API_PORT = 3903;
const RAW_PORT = 3904;
const MB = 1024 * 1024;
/** The largest upload the API takes by default (DOCUMENT_MAX_BYTES): "20 MB" is exactly this. */
const SIZES = [1 * MB, 20 * MB];
const CONCURRENCIES = [1, 10];
const BURST = 10;
const SAMPLE_MS = 20;
const CHUNK = 256 * 1024;
const ROOT = join(__dirname, '..');
const CLOCK_TICKS = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
const BENCHMARKS = join(ROOT, 'BENCHMARKS.md');
const START =
  '<!-- bench:documents:start (written by `npm run bench:documents`: edit bench/documents.ts, not this block) -->';
const END = '<!-- bench:documents:end -->';

/** A request body known in advance: its length and its bytes in chunks, never one buffer per request. */
interface Body {
  contentType: string;
  length: number;
  chunks: () => Iterable<Buffer>;
}

interface Outcome {
  ok: boolean;
  status: number;
  detail: string;
}

interface Throughput {
  files: number;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  filesPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** The server process's CPU time (user + system) per file moved, in ms. */
  cpuMsPerFile: number;
  /** MB/s of each round, in order: how much the machine's other work moved the figure. */
  rounds: number[];
  firstError?: string;
}

interface Memory {
  files: number;
  fileMb: number;
  baselineMb: number;
  peakMb: number;
  /** The kernel's high-water mark over the burst (VmHWM, reset before it). */
  hwmMb: number;
  samples: number;
  seconds: number;
  errors: number;
}

interface Target {
  name: 'API' | 'raw';
  pid: number;
  agent: Agent;
  /** `loop`: which of the concurrent loops sends it (the API's go to a client each). */
  upload: (body: Body, loop?: number) => Promise<Outcome & { id?: string }>;
  download: (id: string, size: number) => Promise<Outcome>;
  /** Removes what the throughput runs stored (the download fixtures come after). */
  clear: () => void;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      seconds: { type: 'string', default: '4' },
      rounds: { type: 'string', default: '3' },
      build: { type: 'boolean', default: true },
      write: { type: 'boolean', default: true },
      // A CPU profile of the API process (node --cpu-prof) into bench/results/profiles/.
      profile: { type: 'boolean', default: false },
    },
    allowNegative: true,
  });
  const seconds = Number(args.seconds);
  const rounds = Number(args.rounds);
  if (!(seconds > 0)) throw new Error('--seconds must be a positive number');
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number');
  const started = Date.now();
  const loadAtStart = loadavg()[0];

  say(`Preparing ${DATABASE_URL} ...`);
  await recreateDatabase(DATABASE_URL);
  const data = await productDataSource({ url: DATABASE_URL, poolSize: 2 }).initialize();
  let people: { email: string; clientIds: string[] };
  try {
    await data.runMigrations({ transaction: 'each' });
    const centerId = (await createCenter(data, 'Benchmark Center')).id;
    const manager = await createUser(data, { role: Role.CaseManager, centerId });
    // A client per concurrent loop: uploads in flight together are for different clients, as they
    // would be in a center (each upload's transaction locks its client's row).
    const clientIds: string[] = [];
    for (let i = 0; i < Math.max(BURST, ...CONCURRENCIES); i += 1)
      clientIds.push((await createClient(data, { centerId, caseManagerId: manager.id })).id);
    people = { email: manager.email, clientIds };
  } finally {
    await data.destroy();
  }
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();

  // What the measured API was built from: the commit, and whether its sources differed from it.
  const git = (command: string) => execSync(`git ${command}`, { cwd: ROOT }).toString().trim();
  const source = {
    commit: git('rev-parse --short HEAD'),
    uncommittedChanges: git('status --porcelain -- apps libs') !== '',
    built: args.build as boolean,
  };
  if (args.build) {
    say('Building the API (npm run build) ...');
    execSync('npm run -s build', { stdio: 'inherit', cwd: ROOT });
  }
  const folder = mkdtempSync(join(tmpdir(), 'documents-bench-'));
  const apiStore = join(folder, 'api');
  const rawStore = join(folder, 'raw');
  mkdirSync(apiStore);
  mkdirSync(rawStore);

  let api: ChildProcess | undefined;
  let raw: ChildProcess | undefined;
  try {
    const profiling = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(__dirname, 'results', 'profiles')}`] : [];
    api = await startProcess('api', process.execPath, [...profiling, join(ROOT, 'dist/apps/api/src/main.js')], {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(API_PORT),
      DATABASE_URL,
      DATABASE_POOL_SIZE: '10',
      REDIS_URL,
      JWT_SECRET: randomBytes(32).toString('hex'),
      // Warnings and errors only: a log line per request would be measured too.
      LOG_LEVEL: 'warn',
      STORAGE_URL: `file:${apiStore}`,
    });
    raw = await startProcess('raw', process.execPath, ['-r', '@swc-node/register', join(__dirname, 'raw-files.ts')], {
      RAW_PORT: String(RAW_PORT),
      RAW_DIR: rawStore,
    });
    const apiBase = `http://127.0.0.1:${API_PORT}`;
    const rawBase = `http://127.0.0.1:${RAW_PORT}`;
    await waitFor(`${apiBase}/health/ready`);
    await waitFor(`${rawBase}/none`, [404]);
    const token = await login(apiBase, people.email, TEST_PASSWORD);
    const auth = { authorization: `Bearer ${token}` };
    const documents = (loop = 0) => `/api/v1/clients/${people.clientIds[loop]}/documents`;

    const targets: Target[] = [
      target('API', api.pid as number, apiBase, {
        uploadPath: documents,
        downloadPath: (id) => `${documents()}/${id}/content`,
        headers: auth,
        created: 201,
        clear: () => rmSync(join(apiStore, 'documents'), { recursive: true, force: true }),
      }),
      target('raw', raw.pid as number, rawBase, {
        uploadPath: () => '/files',
        downloadPath: (id) => `/files/${id}`,
        headers: {},
        created: 201,
        clear: () => {
          rmSync(rawStore, { recursive: true, force: true });
          mkdirSync(rawStore);
        },
      }),
    ];

    // One buffer of 20 MB shared by every request: a PDF's first bytes, then random ones (nothing
    // compresses or dedupes). The 1 MB file is its first megabyte.
    const pdf = Buffer.alloc(SIZES[SIZES.length - 1]);
    randomFillSync(pdf);
    Buffer.from('%PDF-1.4\n').copy(pdf);
    const files = new Map(SIZES.map((size) => [size, pdf.subarray(0, size)]));
    const uploads = new Map(SIZES.map((size) => [size, multipart(files.get(size) as Buffer)]));

    // Warm both (JIT, pools, the file type's module) with the same uploads.
    for (const t of targets) {
      for (const size of [...SIZES, SIZES[0], SIZES[0]])
        expectOk(t, 'warm-up upload', await t.upload(body(uploads, size)));
      t.clear();
    }

    say(`\nMemory: ${BURST} concurrent uploads, resident set sampled every ${SAMPLE_MS} ms`);
    const memory: Record<string, Memory[]> = {};
    for (const t of targets) {
      memory[t.name] = [];
      for (const size of SIZES) {
        const m = await burst(t, size, body(uploads, size));
        memory[t.name].push(m);
        t.clear();
        say(
          `  ${t.name.padEnd(3)} ${BURST} × ${mb(size)}: baseline ${m.baselineMb.toFixed(0)} MB, peak ${m.peakMb.toFixed(0)} MB (${signed(m.peakMb - m.baselineMb)} MB; VmHWM ${m.hwmMb.toFixed(0)} MB) over ${m.seconds.toFixed(2)} s, ${m.samples} samples, ${m.errors} errors`,
        );
      }
      // From here the high-water mark covers the throughput runs.
      resetPeak(t.pid);
    }

    say(`\nThroughput: ${seconds} s of closed loops for each, in ${rounds} rounds alternating API and raw`);
    const loops = { rounds, seconds };
    // The machine's busy CPU time beside the two servers and this process over the throughput runs.
    const ours = () => targets.reduce((sum, t) => sum + cpuSeconds(t.pid), cpuSeconds(process.pid));
    const before = { busy: machineBusySeconds(), ours: ours(), at: performance.now() };
    const rows: Array<{
      direction: 'upload' | 'download';
      size: number;
      concurrency: number;
      api: Throughput;
      raw: Throughput;
    }> = [];
    for (const size of SIZES) {
      for (const concurrency of CONCURRENCIES) {
        const [a, r] = await alternate(
          targets,
          loops,
          concurrency,
          size,
          (t) => (loop) => t.upload(body(uploads, size), loop),
          true,
        );
        rows.push({ direction: 'upload', size, concurrency, api: a, raw: r });
        say(line('upload', size, concurrency, a, r));
      }
    }
    // The stored files downloads read: one of each size in each store, the raw one as the bare file.
    const fixtures = new Map<string, string>();
    for (const t of targets) {
      for (const size of SIZES) {
        const stored =
          t.name === 'API'
            ? await t.upload(body(uploads, size))
            : await t.upload({
                contentType: 'application/pdf',
                length: size,
                chunks: () => chunked(files.get(size) as Buffer),
              });
        expectOk(t, 'download fixture', stored);
        fixtures.set(`${t.name}:${size}`, stored.id as string);
      }
    }
    for (const size of SIZES) {
      for (const concurrency of CONCURRENCIES) {
        const [a, r] = await alternate(
          targets,
          loops,
          concurrency,
          size,
          (t) => () => t.download(fixtures.get(`${t.name}:${size}`) as string, size),
        );
        rows.push({ direction: 'download', size, concurrency, api: a, raw: r });
        say(line('download', size, concurrency, a, r));
      }
    }
    const besideCores =
      (machineBusySeconds() - before.busy - (ours() - before.ours)) / ((performance.now() - before.at) / 1000);
    const end = Object.fromEntries(
      targets.map((t) => [t.name, { rssMb: residentMegabytes(t.pid), peakMb: residentMegabytes(t.pid, 'VmHWM') }]),
    );
    say(
      `\nAt the end: API ${end.API.rssMb.toFixed(0)} MB resident (peak over the throughput runs ${end.API.peakMb.toFixed(0)} MB); raw ${end.raw.rssMb.toFixed(0)} MB (peak ${end.raw.peakMb.toFixed(0)} MB)`,
    );

    const failures = rows.filter((r) => r.api.errors > 0 || r.raw.errors > 0);
    const report = {
      date: new Date().toISOString(),
      command: `npm run bench:documents${seconds === 4 && rounds === 3 ? '' : ` -- --seconds ${seconds} --rounds ${rounds}`}`,
      api: source,
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        // Other work on the machine: the 1-minute load average before the run, and the cores busy
        // beside the servers and the load generator during the throughput runs.
        loadBefore: round(loadAtStart, 2),
        // PostgreSQL and Redis serving the API, and whatever else ran on the machine meanwhile.
        otherCores: round(besideCores, 2),
        beside: 'PostgreSQL, Redis and the load generator (this process) on the same machine',
      },
      settings: {
        seconds,
        rounds,
        burst: BURST,
        sampleMs: SAMPLE_MS,
        chunkBytes: CHUNK,
        storage: 'file: (a folder in the temporary directory)',
      },
      memory,
      end,
      throughput: rows,
      runSeconds: Math.round((Date.now() - started) / 1000),
    };
    const section = await markdown(report);
    say(`\n${section}`);
    // A trial run (--no-write, or a profiled API, whose figures carry the profiler) leaves the repository alone.
    if (args.write && !args.profile) {
      mkdirSync(join(__dirname, 'results'), { recursive: true });
      const file = join(__dirname, 'results', `documents-${report.date.slice(0, 10)}.json`);
      writeFileSync(file, await format(JSON.stringify(report), { parser: 'json', ...(await prettierOptions()) }));
      await writeSection(section);
      say(`Written to ${file}; BENCHMARKS.md: the documents block rewritten`);
    }
    if (failures.length > 0) {
      throw new Error(
        `Errors during the runs: ${failures.map((r) => `${r.direction} ${mb(r.size)} × ${r.concurrency}: API ${r.api.errors} (${r.api.firstError ?? '-'}), raw ${r.raw.errors} (${r.raw.firstError ?? '-'})`).join('; ')}`,
      );
    }
  } finally {
    await stopProcess(raw);
    await stopProcess(api);
    rmSync(folder, { recursive: true, force: true });
    await redis.flushdb();
    redis.disconnect();
  }
}

/** How to upload to and download from one of the two servers. */
function target(
  name: Target['name'],
  pid: number,
  base: string,
  how: {
    uploadPath: (loop?: number) => string;
    downloadPath: (id: string) => string;
    headers: Record<string, string>;
    created: number;
    clear: () => void;
  },
): Target {
  const agent = new Agent({ keepAlive: true });
  return {
    name,
    pid,
    agent,
    clear: how.clear,
    upload: async (b, loop) => {
      const answer = await send(`${base}${how.uploadPath(loop)}`, agent, how.headers, b);
      const ok = answer.status === how.created;
      return {
        ok,
        status: answer.status,
        detail: answer.text.slice(0, 300),
        id: ok ? JSON.parse(answer.text).id : undefined,
      };
    },
    download: (id, size) => receive(`${base}${how.downloadPath(id)}`, agent, how.headers, size),
  };
}

/** `--${boundary}` parts: `category`, `title`, then the file; the file's bytes are the shared buffer's. */
function multipart(file: Buffer): Body {
  const boundary = `----bench-${randomBytes(16).toString('hex')}`;
  const head = Buffer.from(
    [
      `--${boundary}`,
      'Content-Disposition: form-data; name="category"',
      '',
      'cv',
      `--${boundary}`,
      'Content-Disposition: form-data; name="title"',
      '',
      'Benchmark upload',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="bench.pdf"',
      'Content-Type: application/pdf',
      '',
      '',
    ].join('\r\n'),
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.length + file.length + tail.length,
    chunks: function* () {
      yield head;
      yield* chunked(file);
      yield tail;
    },
  };
}

function* chunked(buffer: Buffer): Iterable<Buffer> {
  for (let at = 0; at < buffer.length; at += CHUNK) yield buffer.subarray(at, at + CHUNK);
}

const body = (uploads: Map<number, Body>, size: number) => uploads.get(size) as Body;

/** A POST whose body is streamed with backpressure; the answer's status and text. */
function send(
  url: string,
  agent: Agent,
  headers: Record<string, string>,
  b: Body,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (status: number, text: string) => {
      if (!settled) resolve({ status, text });
      settled = true;
    };
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': b.contentType, 'content-length': String(b.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => settle(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
        res.on('error', (error) => settle(0, error.message));
      },
    );
    req.on('error', (error) => settle(0, `request failed: ${error.message}`));
    // A server that answers before reading everything (a refusal) ends the upload early: its answer counts.
    pipeline(Readable.from(b.chunks()), req).catch(() => undefined);
  });
}

/** A GET read to its end and counted; anything but 200 with exactly `size` bytes is a failure. */
function receive(url: string, agent: Agent, headers: Record<string, string>, size: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(url, { agent, headers }, (res) => {
      let bytes = 0;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (res.statusCode !== 200 && chunks.length < 4) chunks.push(c);
      });
      res.on('end', () =>
        resolve({
          ok: res.statusCode === 200 && bytes === size,
          status: res.statusCode ?? 0,
          detail:
            res.statusCode === 200 ? `${bytes} of ${size} bytes` : Buffer.concat(chunks).toString('utf8').slice(0, 300),
        }),
      );
      res.on('error', (error) =>
        resolve({ ok: false, status: res.statusCode ?? 0, detail: `cut short after ${bytes} bytes: ${error.message}` }),
      );
    });
    req.on('error', (error) => resolve({ ok: false, status: 0, detail: `request failed: ${error.message}` }));
    req.end();
  });
}

/**
 * Each target for `seconds` in all, in `rounds` slices taken in turn (API, raw, API, raw, ...), so
 * that both meet the same background work on the machine; what an upload round stored is removed after it.
 */
async function alternate(
  targets: Target[],
  { rounds, seconds }: { rounds: number; seconds: number },
  concurrency: number,
  size: number,
  op: (t: Target) => (loop: number) => Promise<Outcome>,
  stores = false,
): Promise<Throughput[]> {
  const slices = targets.map(() => [] as Slice[]);
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, t] of targets.entries()) {
      const cpu = cpuSeconds(t.pid);
      const slice = await closedLoop(concurrency, seconds / rounds, op(t));
      slice.cpu = cpuSeconds(t.pid) - cpu;
      slices[i].push(slice);
      if (stores) t.clear();
    }
  }
  return slices.map((s) => summary(s, size));
}

interface Slice {
  latencies: number[];
  errors: number;
  elapsed: number;
  /** CPU seconds (user + system) the server's process spent meanwhile. */
  cpu: number;
  firstError?: string;
}

/** `concurrency` loops each sending one request after another until `seconds` are up (the last ones finish). */
async function closedLoop(
  concurrency: number,
  seconds: number,
  op: (loop: number) => Promise<Outcome>,
): Promise<Slice> {
  const slice: Slice = { latencies: [], errors: 0, elapsed: 0, cpu: 0 };
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const outcome = await op(loop);
        if (outcome.ok) slice.latencies.push(performance.now() - t0);
        else {
          slice.errors += 1;
          slice.firstError ??= `${outcome.status} ${outcome.detail}`;
        }
      }
    }),
  );
  slice.elapsed = (performance.now() - start) / 1000;
  return slice;
}

function summary(slices: Slice[], size: number): Throughput {
  const latencies = slices.flatMap((s) => s.latencies).sort((x, y) => x - y);
  const elapsed = slices.reduce((sum, s) => sum + s.elapsed, 0);
  const files = latencies.length;
  const firstError = slices.find((s) => s.firstError)?.firstError;
  return {
    files,
    bytes: files * size,
    seconds: round(elapsed, 2),
    mbPerSecond: round((files * size) / MB / elapsed, 1),
    filesPerSecond: round(files / elapsed, 1),
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    cpuMsPerFile: files > 0 ? round((slices.reduce((sum, s) => sum + s.cpu, 0) / files) * 1000, 1) : 0,
    rounds: slices.map((s) => round((s.latencies.length * size) / MB / s.elapsed, 1)),
    ...(firstError ? { firstError } : {}),
  };
}

/**
 * `BURST` uploads of the same body at once, the process's resident set sampled meanwhile; the
 * baseline is the mean over a second of quiet before.
 */
async function burst(t: Target, size: number, b: Body): Promise<Memory> {
  const quiet: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    quiet.push(residentMegabytes(t.pid));
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
  }
  const baselineMb = quiet.reduce((s, v) => s + v, 0) / quiet.length;
  resetPeak(t.pid);
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(residentMegabytes(t.pid)), SAMPLE_MS);
  const start = performance.now();
  const outcomes = await Promise.all(Array.from({ length: BURST }, (_, loop) => t.upload(b, loop)));
  const elapsed = (performance.now() - start) / 1000;
  clearInterval(timer);
  samples.push(residentMegabytes(t.pid));
  const hwmMb = residentMegabytes(t.pid, 'VmHWM');
  for (const outcome of outcomes)
    if (!outcome.ok) say(`  ${t.name} upload failed: ${outcome.status} ${outcome.detail}`);
  return {
    files: BURST,
    fileMb: size / MB,
    baselineMb: round(baselineMb, 1),
    peakMb: round(Math.max(hwmMb, ...samples), 1),
    hwmMb: round(hwmMb, 1),
    samples: samples.length,
    seconds: round(elapsed, 2),
    errors: outcomes.filter((o) => !o.ok).length,
  };
}

/** A process's CPU time so far, user and system (`/proc/<pid>/stat`, in clock ticks). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are the 14th and 15th fields; the split starts at the 3rd (state).
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Busy CPU seconds of the whole machine so far, all cores (`/proc/stat`: user, nice, system, irq, softirq). */
function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq] = ticks.map(Number);
  return (user + nice + system + irq + softirq) / CLOCK_TICKS;
}

/** Linux: writing 5 to clear_refs resets the process's peak resident set (VmHWM) to the current one. */
function resetPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not allowed here: the 20 ms samples alone give the peak.
  }
}

function expectOk(t: Target, what: string, outcome: Outcome): void {
  if (!outcome.ok) throw new Error(`${t.name} ${what}: ${outcome.status} ${outcome.detail}`);
}

function line(direction: string, size: number, concurrency: number, a: Throughput, r: Throughput): string {
  const one = (m: Throughput) =>
    `${m.mbPerSecond.toFixed(1).padStart(6)} MB/s ${m.filesPerSecond.toFixed(1).padStart(6)} files/s p50 ${String(m.p50).padStart(4)} ms cpu ${m.cpuMsPerFile.toFixed(1).padStart(5)} ms/file err ${m.errors}`;
  return `  ${`${direction} ${mb(size)} × ${concurrency}`.padEnd(20)} API ${one(a)} | raw ${one(r)} | ${ratio(a, r)}`;
}

type Report = {
  date: string;
  command: string;
  api: { commit: string; uncommittedChanges: boolean; built: boolean };
  machine: { cores: number; cpu?: string; memoryGiB: number; node: string; loadBefore: number; otherCores: number };
  settings: { seconds: number; rounds: number };
  memory: Record<string, Memory[]>;
  end: Record<string, { rssMb: number; peakMb: number }>;
  throughput: Array<{ direction: string; size: number; concurrency: number; api: Throughput; raw: Throughput }>;
  runSeconds: number;
};

/** BENCHMARKS.md's generated block: how it was run, the two tables, and what the memory figures say. */
async function markdown(report: Report): Promise<string> {
  const date = report.date.slice(0, 10);
  const { machine } = report;
  const apiBig = report.memory.API[report.memory.API.length - 1];
  const apiSmall = report.memory.API[0];
  const rawBig = report.memory.raw[report.memory.raw.length - 1];
  const inFlight = BURST * apiBig.fileMb;
  const growth = apiBig.peakMb - apiBig.baselineMb;
  const throughput = [
    '| transfer | in flight | API MB/s | API files/s | API p50 / p99 ms | API CPU ms/file | raw MB/s | raw files/s | raw p50 / p99 ms | raw CPU ms/file | API ÷ raw (MB/s) | errors API / raw |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
    ...report.throughput.map(
      (r) =>
        `| ${r.direction} ${mb(r.size)} | ${r.concurrency} | ${r.api.mbPerSecond.toFixed(1)} | ${r.api.filesPerSecond.toFixed(1)} | ${r.api.p50} / ${r.api.p99} | ${r.api.cpuMsPerFile.toFixed(1)} | ${r.raw.mbPerSecond.toFixed(1)} | ${r.raw.filesPerSecond.toFixed(1)} | ${r.raw.p50} / ${r.raw.p99} | ${r.raw.cpuMsPerFile.toFixed(1)} | ${ratio(r.api, r.raw)} | ${r.api.errors} / ${r.raw.errors} |`,
    ),
  ];
  const memory = [
    '| process | uploads at once | baseline RSS MB | peak RSS MB | peak − baseline MB | bytes in flight MB | took s |',
    '| --- | --- | --: | --: | --: | --: | --: |',
    ...(['API', 'raw'] as const).flatMap((name) =>
      report.memory[name].map(
        (m) =>
          `| ${name === 'API' ? 'API' : 'raw handler'} | ${m.files} × ${m.fileMb} MB | ${m.baselineMb.toFixed(0)} | ${m.peakMb.toFixed(0)} | ${signed(m.peakMb - m.baselineMb)} | ${m.files * m.fileMb} | ${m.seconds.toFixed(2)} |`,
      ),
    ),
  ];
  const text = [
    `\`${report.command}\` (options: \`--seconds N\` per server and row, \`--rounds N\`, \`--no-build\`, \`--no-write\` to leave this file alone). Machine: ${machine.cores} cores (${machine.cpu ?? 'unknown CPU'}), ${machine.memoryGiB} GiB, Node ${machine.node}; PostgreSQL, Redis, both servers and the load generator all on it. Run of ${date}, ${report.runSeconds} s in all (\`bench/results/documents-${date}.json\`).`,
    '',
    `The built API (\`dist/\`, ${report.api.built ? `built by this run from commit ${report.api.commit}${report.api.uncommittedChanges ? ' with uncommitted changes in apps/ or libs/' : ''}` : `not rebuilt by this run, commit ${report.api.commit} checked out`}, \`NODE_ENV=production\`, \`LOG_LEVEL=warn\`, \`STORAGE_URL=file:<a temporary folder>\`) takes \`POST /api/v1/clients/{id}/documents\` as a case manager (multipart: \`category\`, \`title\`, \`file\`: a PDF's first bytes then random ones; 20 MB = 20,971,520 bytes, exactly \`DOCUMENT_MAX_BYTES\`) and serves \`GET …/documents/{id}/content\`. Beside it, \`bench/raw-files.ts\`: \`node:http\` + \`fs\` that pipes the same multipart bodies, unparsed, into a file and pipes a file back: no parsing, type sniffing, hashing, authentication, database or logging, the least any design must do. Each figure is ${report.settings.seconds} s of closed loops ("in flight" requests, each sending the next when its answer is in) in ${report.settings.rounds} slice${report.settings.rounds === 1 ? '' : 's'} taken in turn, API, raw, API, raw, …, so that both meet the same background work; the same bodies streamed in 256 KB chunks from one shared buffer over keep-alive connections. Uploads in flight together go to different clients (each upload's transaction locks its client's row); downloads read one stored file of each size to the end and count its bytes. "CPU ms/file" is the server process's own CPU time (user + system, \`/proc/<pid>/stat\` around each slice) per file: the work each design does per file (a busy machine inflates it too: compare within a run). MB = 1,048,576 bytes. The machine's 1-minute load average before the run was ${machine.loadBefore}, and during the throughput runs the processes other than the two servers and the load generator (PostgreSQL and Redis serving the API, and anything else running) kept ${machine.otherCores.toFixed(2)} of its ${machine.cores} cores busy on average${machine.loadBefore > machine.cores / 2 || machine.otherCores > 0.5 ? ': other work was running beside the benchmark, so read the ratios and CPU per file rather than the absolute rates (each round is in the JSON file)' : ''}.`,
    '',
    ...throughput,
    '',
    `Memory: each process's resident set (\`VmRSS\`, \`/proc/<pid>/status\`) sampled every ${SAMPLE_MS} ms from outside, and the kernel's peak (\`VmHWM\`, reset before each burst); the baseline is the mean over the quiet second before. Warm processes (a few uploads first).`,
    '',
    ...memory,
    '',
    `**During ${BURST} concurrent ${apiBig.fileMb} MB uploads (${inFlight} MB in flight) the API's resident set rose ${growth.toFixed(0)} MB** (baseline ${apiBig.baselineMb.toFixed(0)} MB, peak ${apiBig.peakMb.toFixed(0)} MB), against ${(apiSmall.peakMb - apiSmall.baselineMb).toFixed(0)} MB for ${BURST} × ${apiSmall.fileMb} MB and ${(rawBig.peakMb - rawBig.baselineMb).toFixed(0)} MB for the raw handler's ${BURST} × ${rawBig.fileMb} MB: ${growth < inFlight / 4 ? 'memory does not follow the size of the files (uploads are streamed, not buffered)' : `**that is ${Math.round((growth / inFlight) * 100)}% of the bytes in flight: uploads are held in memory somewhere**`}. At the end of the run the API was at ${report.end.API.rssMb.toFixed(0)} MB (peak over the throughput runs ${report.end.API.peakMb.toFixed(0)} MB), the raw handler at ${report.end.raw.rssMb.toFixed(0)} MB (${report.end.raw.peakMb.toFixed(0)} MB).`,
  ].join('\n');
  // Wrapped at 100 like the rest of the file (Prettier's own check preserves the line breaks).
  return format(text, { ...(await prettierOptions()), parser: 'markdown', proseWrap: 'always', printWidth: 100 });
}

/** Replaces the generated block (between START and END), or appends the section with it. */
async function writeSection(section: string): Promise<void> {
  const current = readFileSync(BENCHMARKS, 'utf8');
  const block = `${START}\n\n${section.trimEnd()}\n\n${END}`;
  const from = current.indexOf(START.slice(0, START.indexOf('(')));
  const to = current.indexOf(END);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${block}${current.slice(to + END.length)}`
      : `${current.trimEnd()}\n\n## Documents (issue 17) (\`npm run bench:documents\`)\n\n${block}\n`;
  writeFileSync(BENCHMARKS, next);
}

async function prettierOptions() {
  return (await resolveConfig(BENCHMARKS)) ?? {};
}

const ratio = (a: Throughput, r: Throughput) =>
  r.mbPerSecond > 0 ? `${Math.round((a.mbPerSecond / r.mbPerSecond) * 100)}%` : '—';
const signed = (n: number) => (Math.round(n) > 0 ? `+${Math.round(n)}` : `${Math.round(n)}`);
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;
const round = (n: number, digits: number) => Number(n.toFixed(digits));
function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
