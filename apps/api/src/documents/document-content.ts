import { DocumentContent } from '@lib/documents';
import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/**
 * A document's bytes as an answer: a download by default (`Content-Disposition: attachment`), or
 * inline for the web app's preview, and either way sandboxed: `nosniff`, and a CSP that lets a
 * file opened on its own run no script and load nothing (a PDF or an image is shown; an HTML
 * page hidden in one is not run).
 */
export function sendContent(reply: FastifyReply, content: DocumentContent, inline: boolean): StreamableFile {
  void reply
    .header('Content-Type', content.contentType)
    .header('Content-Length', String(content.sizeBytes))
    .header('Content-Disposition', disposition(inline ? 'inline' : 'attachment', content.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .header(
      'Content-Security-Policy',
      "sandbox; default-src 'none'; img-src 'self' data: blob:; style-src 'unsafe-inline'",
    )
    .header('Cache-Control', 'private, no-store')
    .header('Digest', `sha-256=${Buffer.from(content.sha256, 'hex').toString('base64')}`);
  return new StreamableFile(content.stream);
}

/** RFC 6266: an ASCII fallback name, and the real one percent-encoded (RFC 8187). */
function disposition(type: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
