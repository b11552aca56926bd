import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';

/**
 * The stored bytes on their way out, checked against the size and SHA-256 taken at upload. The
 * answer's headers are sent before the end is known, so a mismatch cannot become an error status:
 * the last chunk is held back until the hash is checked, and on a mismatch the stream fails
 * instead of sending it, so the connection ends short of its Content-Length and no client takes
 * the wrong bytes for a complete file. The error, naming `what`, is logged once by the server.
 */
export function verifiedStream(
  stored: Readable,
  expected: { sizeBytes: number; sha256: string },
  what: string,
): Readable {
  const hash = createHash('sha256');
  let size = 0;
  let held: Buffer | null = null;
  const mismatch = (problem: string) => new Error(`${what} does not match what was uploaded: ${problem}`);
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > expected.sizeBytes) return done(mismatch(`more than the ${expected.sizeBytes} bytes uploaded`));
      hash.update(chunk);
      const previous = held;
      held = chunk;
      done(null, previous ?? undefined);
    },
    flush(done) {
      if (size !== expected.sizeBytes) return done(mismatch(`${size} bytes stored, ${expected.sizeBytes} uploaded`));
      const actual = hash.digest('hex');
      if (actual !== expected.sha256) return done(mismatch(`SHA-256 ${actual}, not ${expected.sha256}`));
      done(null, held ?? undefined);
    },
  });
  stored.on('error', (error) => check.destroy(error));
  // A reader gone (a download abandoned) releases the stored object's file or socket.
  check.on('close', () => stored.destroy());
  return stored.pipe(check);
}
