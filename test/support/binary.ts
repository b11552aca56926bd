import request from 'supertest';

/** A request whose answer body is read as bytes (a download, a zip, a workbook), whatever its type. */
export const asBytes = (req: request.Test): request.Test =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
