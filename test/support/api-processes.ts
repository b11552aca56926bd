import { ChildProcess, fork } from 'node:child_process';
import { AddressInfo, createServer, Server } from 'node:net';
import { join } from 'node:path';

/** `count` ports free right now: all held open while the next is taken, so they differ. */
async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  for (let i = 0; i < count; i += 1) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
  }
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

export interface ApiProcesses {
  /** Each process's base URL, e.g. `http://127.0.0.1:41234`. */
  urls: string[];
  /** Stops every process (SIGKILL: nothing of theirs is under test once they are stopped). */
  stop(): Promise<void>;
}

/**
 * `count` real API processes (`createApiApp`, as `main.ts` builds it, in `api-process.ts`) on the
 * test database and Redis, sharing nothing in memory: what one process decides, the other can only
 * learn from PostgreSQL or Redis. Resolves once every one listens.
 */
export async function startApiProcesses(count: number, env: Record<string, string> = {}): Promise<ApiProcesses> {
  const ports = await freePorts(count);
  const children: ChildProcess[] = ports.map((port) =>
    fork(join(__dirname, 'api-process.ts'), [], {
      execArgv: ['-r', '@swc-node/register'],
      env: { ...process.env, LOG_LEVEL: 'silent', ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    }),
  );
  const stop = async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGKILL');
        await gone;
      }),
    );
  };
  const ready = await Promise.allSettled(
    children.map(
      (child, i) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`API process ${i + 1} not ready within 30 s`)), 30_000);
          child.once('message', () => (clearTimeout(timer), resolve()));
          child.once(
            'exit',
            (code) => (clearTimeout(timer), reject(new Error(`API process ${i + 1} exited with ${code}`))),
          );
        }),
    ),
  );
  const failed = ready.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { urls: ports.map((port) => `http://127.0.0.1:${port}`), stop };
}
