/**
 * What the benchmarks share: the processes they measure (the built API, a raw server), started and
 * stopped from the benchmark's own process; waiting for them to answer; a process's resident
 * memory from `/proc`; a real login through the API.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function startProcess(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') say(`${name} process ended: ${code ?? signal}`);
  });
  return Promise.resolve(child);
}

export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function waitFor(url: string, statuses = [200]): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (statuses.includes(status)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer`);
}

/** A line of `/proc/<pid>/status` in MB (`VmRSS`: resident now; `VmHWM`: the peak since start or reset). */
export function residentMegabytes(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
}

/** A real login through the API at `base`; the access token. */
export async function login(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login of ${email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}
