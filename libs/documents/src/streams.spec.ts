import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { cleanFileName } from './documents.service';
import { verifiedStream } from './download-verification';
import { DocumentsError } from './documents.errors';
import { inspectUpload } from './upload-inspection';

const pdf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes - 9, 0x41)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
async function* chunks(buffer: Buffer, size: number): AsyncIterable<Buffer> {
  for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
}
const drain = async (stream: Readable) => {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
};

describe(inspectUpload.name, () => {
  it('passes the bytes through unchanged, typed from the head, with their size and SHA-256', async () => {
    const file = pdf(200_000);
    const { body, result } = inspectUpload(chunks(file, 7_000), 1_000_000);
    expect(sha256(await drain(body))).toBe(sha256(file));
    expect(result()).toEqual({
      type: { mime: 'application/pdf', ext: 'pdf' },
      sizeBytes: 200_000,
      sha256: sha256(file),
    });
  });

  it('refuses bytes of another kind before passing any on (415 naming what they are)', async () => {
    const { body } = inspectUpload(chunks(Buffer.from('<html><body>hi</body></html>'), 4), 1_000);
    await expect(drain(body)).rejects.toMatchObject({ kind: 'unsupported_type', code: 'DOCUMENT_TYPE_NOT_ACCEPTED' });
  });

  it('refuses one byte over the limit (413), and takes exactly the limit', async () => {
    await expect(drain(inspectUpload(chunks(pdf(1_001), 100), 1_000).body)).rejects.toMatchObject({
      kind: 'too_large',
    });
    await expect(drain(inspectUpload(chunks(pdf(1_000), 100), 1_000).body)).resolves.toHaveLength(1_000);
  });

  it('refuses an empty file as a bad upload', async () => {
    const error = await drain(inspectUpload(chunks(Buffer.alloc(0), 1), 1_000).body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentsError);
    expect(error).toMatchObject({ kind: 'invalid', message: 'The file is empty' });
  });
});

describe(verifiedStream.name, () => {
  const stored = randomBytes(300_000);
  const expected = { sizeBytes: stored.length, sha256: sha256(stored) };

  it('serves bytes that match whole', async () => {
    const out = await drain(verifiedStream(Readable.from(chunks(stored, 65_536)), expected, 'Document d1 version 1'));
    expect(sha256(out)).toBe(expected.sha256);
  });

  it('never passes on the last chunk of bytes whose SHA-256 differs, and names the document', async () => {
    const tampered = Buffer.from(stored);
    tampered[tampered.length - 1] ^= 0xff;
    const received: Buffer[] = [];
    const stream = verifiedStream(Readable.from(chunks(tampered, 65_536)), expected, 'Document d1 version 1');
    stream.on('data', (c: Buffer) => received.push(c));
    const error = await new Promise<Error>((resolve) => stream.on('error', resolve));
    expect(error.message).toMatch(/^Document d1 version 1 does not match what was uploaded: SHA-256/);
    expect(Buffer.concat(received).length).toBeLessThan(stored.length);
  });

  it('fails on bytes of another size', async () => {
    await expect(
      text(verifiedStream(Readable.from(chunks(stored.subarray(1), 65_536)), expected, 'Document d1 version 1')),
    ).rejects.toThrow(/299999 bytes stored, 300000 uploaded/);
  });
});

describe(cleanFileName.name, () => {
  it.each([
    ['C:\\Users\\ana\\CV final.pdf', 'CV final.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['cv\u0000\u001f".pdf', 'cv.pdf'],
    ['  spaced.pdf  ', 'spaced.pdf'],
    ['', ''],
  ])('%j → %j', (given, kept) => expect(cleanFileName(given)).toBe(kept));

  it('keeps the last 200 characters (the extension survives)', () => {
    expect(cleanFileName(`${'a'.repeat(300)}.pdf`)).toHaveLength(200);
    expect(cleanFileName(`${'a'.repeat(300)}.pdf`).endsWith('.pdf')).toBe(true);
  });
});
