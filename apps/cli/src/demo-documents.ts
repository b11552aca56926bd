import { Client } from '@lib/clients';
import { ClientDocument, DocumentsService, UploadPart } from '@lib/documents';
import { actorOf, Role, User } from '@lib/identity';
import { DEMO_DOMAIN } from '@lib/seed';
import { INestApplication } from '@nestjs/common';
import { DataSource, Like } from 'typeorm';

/**
 * The demo IMGs' papers, through the documents service itself (so the store, the audit log and
 * the review notifications are real): a diploma filed by their case manager, a CV awaiting review,
 * and a personal statement at each step of its review. Idempotent: a client with documents is left alone.
 */
export async function seedDemoDocuments(app: INestApplication): Promise<number> {
  const data = app.get(DataSource);
  const documents = app.get(DocumentsService);
  const accounts = await data.getRepository(User).find({
    where: { role: Role.Client, email: Like(`%@${DEMO_DOMAIN}`) },
    order: { email: 'ASC' },
  });
  let added = 0;
  for (const [index, account] of accounts.entries()) {
    const clientId = account.clientId as string;
    const { caseManagerId } = await data.getRepository(Client).findOneByOrFail({ id: clientId });
    const n = await data.getRepository(ClientDocument).countBy({ clientId });
    if (n > 0 || !caseManagerId) continue;
    const manager = await data.getRepository(User).findOneByOrFail({ id: caseManagerId });
    const img = actorOf(account);
    const staff = actorOf(manager);
    const name = account.displayName;
    await documents.create(
      staff,
      clientId,
      parts('diploma', 'Medical diploma (translated)', pdf([`Diploma of ${name}`, 'Invented for the demo'])),
    );
    await documents.create(
      img,
      clientId,
      parts('cv', 'CV for ERAS', pdf([`${name}: curriculum vitae`, 'Invented for the demo'])),
    );
    const statement = await documents.create(
      img,
      clientId,
      parts(
        'personal_statement',
        'Personal statement, family medicine',
        pdf([`Personal statement of ${name}`, 'Draft 1']),
      ),
    );
    if (index % 3 !== 0) {
      await documents.review(staff, clientId, statement.id, {
        decision: 'changes_requested',
        comment: 'Open with the patient story from your observership, and keep it to one page.',
      });
    }
    if (index % 3 === 2) {
      await documents.addVersion(
        img,
        clientId,
        statement.id,
        parts(null, null, pdf([`Personal statement of ${name}`, 'Draft 2'])),
      );
      await documents.review(staff, clientId, statement.id, { decision: 'approved', comment: null });
    }
    added += 3;
  }
  return added;
}

async function* parts(category: string | null, title: string | null, file: Buffer): AsyncIterable<UploadPart> {
  if (category) yield { kind: 'field', name: 'category', value: category };
  if (title) yield { kind: 'field', name: 'title', value: title };
  yield {
    kind: 'file',
    name: 'file',
    fileName: `${(title ?? 'document').toLowerCase().replace(/\W+/g, '-')}.pdf`,
    stream: one(file),
  };
}

async function* one(buffer: Buffer): AsyncIterable<Buffer> {
  yield buffer;
}

/** A one-page PDF showing `lines` (Helvetica), with a correct cross-reference table. */
export function pdf(lines: string[]): Buffer {
  const text = lines
    .map((line, i) => `BT /F1 ${i === 0 ? 20 : 12} Tf 72 ${720 - i * 32} Td (${line.replace(/[()\\]/g, '')}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
