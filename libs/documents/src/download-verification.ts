import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';

/**
 * The stored bytes on their way out, checked against the size and SHA-256 taken at upload. The
 * answer's headers are sent before the end is known, so a mismatch cannot become an error status:
 * the stream fails instead, the connection is cut short of its Content-Length, and no client takes
 * the wrong bytes for a complete file. `report` tells the operators.
 */
export function verifiedStream(
  stored: Readable,
  sizeBytes: number,
  sha256: string,
  report: (problem: string) => void,
): Readable {
  const hash = createHash('sha256');
  let size = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > sizeBytes) return done(mismatch(`more bytes stored than the ${sizeBytes} uploaded`));
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      if (size !== sizeBytes) return done(mismatch(`${size} bytes stored, ${sizeBytes} uploaded`));
      const actual = hash.digest('hex');
      done(actual === sha256 ? null : mismatch(`SHA-256 ${actual} does not match the ${sha256} taken at upload`));
    },
  });
  const mismatch = (problem: string) => {
    report(problem);
    return new Error(`The stored document does not match what was uploaded: ${problem}`);
  };
  stored.on('error', (error) => check.destroy(error));
  return stored.pipe(check);
}
