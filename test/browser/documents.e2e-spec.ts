import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@lib/identity';
import { Locator, Page, Response } from 'playwright-core';
import { eventually } from '../support/poll';
import { bearer, createClient, createUser, TEST_PASSWORD, tokenFor } from '../support/identities';
import { accessibilityViolations, DESKTOP, expectVisible, PHONE, shoot, WebHarness } from './support';

/** Documents in a real browser: the IMG's My documents on a phone, the case manager's Documents tab (see ./support). */
jest.setTimeout(90_000);

/** The API's upload limit here: small, so a refused upload is quick to make. */
const MAX_BYTES = 64 * 1024;
const STORE = mkdtempSync(join(tmpdir(), 'web-documents-'));

interface DocumentBody {
  id: string;
  title: string;
  version: number;
  status: string;
  sha256: string;
  uploadedByClient: boolean;
  latestReview: { version: number; decision: string; comment: string | null } | null;
}

/** A small PDF that viewers open: one page saying `text`. */
function pdf(text: string): Buffer {
  const content = `BT /F1 24 Tf 30 70 Td (${text}) Tj ET`;
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
      `4 0 obj << /Length ${content.length} >> stream`,
      content,
      'endstream endobj',
      '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
      '',
    ].join('\n'),
  );
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('documents in a browser: the IMG sends, the case manager reviews', () => {
  const web = new WebHarness({ env: { STORAGE_URL: `file:${STORE}`, DOCUMENT_MAX_BYTES: String(MAX_BYTES) } });
  beforeAll(web.start, 120_000);
  afterAll(async () => {
    await web.stop();
    rmSync(STORE, { recursive: true, force: true });
  });
  beforeEach(web.reset);
  const openPage = web.openPage.bind(web);
  const signIn = web.signIn.bind(web);

  /** A center's case manager, their client, and the client's own account. */
  async function aCase() {
    const { center, manager, token } = await web.managerOfNewCenter();
    const client = await createClient(web.data, { centerId: center.id, caseManagerId: manager.id, firstName: 'Lucía' });
    const account = await createUser(web.data, { role: Role.Client, centerId: center.id, clientId: client.id });
    const imgToken = tokenFor(web.app, account);
    /** The IMG's documents as the API has them. */
    const myDocuments = async (): Promise<DocumentBody[]> => {
      const res = await fetch(`${web.baseUrl}/api/v1/me/documents`, { headers: bearer(imgToken) });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: DocumentBody[] }).items;
    };
    return { center, manager, token, client, account, imgToken, myDocuments };
  }

  /** A form's input by its label (Mantine adds " *" to a required one's). */
  const field = (scope: Locator, label: string) =>
    scope.locator('input').and(scope.getByLabel(new RegExp(`^${label}( \\*)?$`)));
  async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
    await field(scope, label).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  /** Picks a file the way a person does: the button opens the browser's file chooser. */
  async function pickFile(page: Page, button: Locator, name: string, buffer: Buffer, mimeType = 'application/pdf') {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
    await chooser.setFiles({ name, mimeType, buffer });
  }
  const pageWidth = (page: Page) => page.locator('html').evaluate((html) => html.scrollWidth);
  /**
   * The preview shows `bytes`: the page fetched that version for the preview (inline, with the
   * token; the API's Digest is the SHA-256 it checked the bytes against as it sent them), the frame
   * shows a blob: URL of this page, and the browser's PDF viewer opened in it. (The blob itself
   * cannot be read back here: the app's CSP lets no script fetch a blob: URL.)
   */
  async function expectPdfPreview(page: Page, drawer: Locator, fetched: Promise<Response>, bytes: Buffer) {
    const preview = drawer.getByTestId('document-preview');
    await expectVisible(preview);
    expect(await preview.evaluate((element) => element.tagName)).toBe('IFRAME');
    const src = (await preview.getAttribute('src')) as string;
    expect(src).toMatch(new RegExp(`^blob:${web.baseUrl}/[0-9a-f-]{36}$`));
    const answer = await fetched;
    expect(answer.status()).toBe(200);
    expect(await answer.allHeaders()).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      digest: `sha-256=${createHash('sha256').update(bytes).digest('base64')}`,
    });
    // The browser's PDF viewer (an extension's frame) opened inside the blob: frame.
    await eventually(async () =>
      page
        .frames()
        .find((frame) => frame.url() === src)
        ?.childFrames()
        .find((child) => child.url().startsWith('chrome-extension://')),
    );
  }
  /** The API's answer to the next preview the page fetches (`disposition=inline`). */
  const nextPreview = (page: Page) =>
    page.waitForResponse((res) => res.url().includes('/content?') && res.url().includes('disposition=inline'));

  it('the IMG sends a PDF, the case manager previews it and asks for changes, the IMG sends a new version, the case manager approves it', async () => {
    const { client, manager, account, myDocuments } = await aCase();
    const title = `CV for ERAS ${randomUUID().slice(0, 6)}`;
    const [first, second] = [pdf('First draft'), pdf('Second draft, clinical experience first')];
    const comment = 'Please put your US clinical experience first and shorten the summary to three lines.';

    const phone = await openPage(PHONE);
    const desk = await openPage(DESKTOP);
    try {
      // The IMG, on a phone: My documents is empty; they send their CV.
      await signIn(phone, account.email, TEST_PASSWORD);
      await phone.waitForURL(/\/status$/);
      const mine = phone.getByTestId('documents');
      await expectVisible(mine.getByText('No documents yet.'));
      await mine.getByRole('button', { name: 'Send a document' }).click();
      const form = phone.getByRole('form', { name: 'Send a document' });
      await choose(phone, form, 'Kind of document', 'CV');
      await form.getByRole('textbox', { name: 'Title' }).fill(title);
      // Sent without a file: said beside it, nothing sent.
      await form.getByRole('button', { name: 'Send to my case manager' }).click();
      await expectVisible(form.getByText('Choose a file first.'));
      expect(await myDocuments()).toEqual([]);
      await pickFile(phone, form.getByRole('button', { name: 'Choose a file' }), 'cv.pdf', first);
      await expectVisible(form.getByText(`cv.pdf (${first.length} B)`));
      expect(await pageWidth(phone)).toBeLessThanOrEqual(375);
      await shoot(phone, 'img-documents-form-mobile');
      expect(await accessibilityViolations(phone)).toEqual([]);

      // A slow connection, so the progress bar can be seen moving.
      const network = await phone.context().newCDPSession(phone);
      await network.send('Network.enable');
      await network.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: 2 * 1024,
      });
      await form.getByRole('button', { name: 'Send to my case manager' }).click();
      const progress = form.getByRole('progressbar', { name: 'Upload progress' });
      await expectVisible(progress);
      await network.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      // Gone once the API has the file.
      await progress.waitFor({ state: 'detached' });

      await expectVisible(mine.getByText('Sent. Your case manager will check it.'));
      const item = mine.getByTestId('my-document').filter({ hasText: title });
      await expectVisible(item.getByText('Waiting for your case manager', { exact: true }));
      const [sent] = await myDocuments();
      expect(sent).toMatchObject({ title, version: 1, status: 'awaiting_review', uploadedByClient: true });
      expect(sent.sha256).toBe(sha256(first));
      expect(await pageWidth(phone)).toBeLessThanOrEqual(375);
      await shoot(phone, 'img-documents-sent-mobile');
      expect(await accessibilityViolations(phone)).toEqual([]);

      // The case manager: the Documents tab lists it awaiting review; they open it and preview it.
      await signIn(desk, manager.email, TEST_PASSWORD);
      await desk.waitForURL(/\/caseload$/);
      await desk.goto(`${web.baseUrl}/clients/${client.id}/documents`);
      const row = desk.getByTestId('document-row').filter({ hasText: title });
      await expectVisible(row.getByText('Awaiting review', { exact: true }));
      expect(await row.textContent()).toContain('by the IMG');
      await expectVisible(row.getByText('CV', { exact: true }));
      await shoot(desk, 'client-documents-tab');
      expect(await accessibilityViolations(desk)).toEqual([]);

      const firstPreview = nextPreview(desk);
      await row.getByRole('button', { name: `Open ${title}` }).click();
      await desk.waitForURL((url) => url.searchParams.get('document') === sent.id);
      const drawer = desk.getByRole('dialog', { name: title });
      await expectPdfPreview(desk, drawer, firstPreview, first);
      await shoot(desk, 'client-document-drawer');
      expect(await accessibilityViolations(desk)).toEqual([]);

      // Asked for changes without saying which: said beside the comment, no review sent.
      const review = drawer.getByRole('form', { name: 'Review version 1' });
      await review.getByRole('button', { name: 'Ask for changes' }).click();
      await expectVisible(review.getByText('Say what the client should change.'));
      expect((await myDocuments())[0].latestReview).toBeNull();
      await review.getByRole('textbox', { name: 'Comment for the client' }).fill(comment);
      await review.getByRole('button', { name: 'Ask for changes' }).click();
      const history = drawer.getByTestId('document-review');
      await expectVisible(history.getByText(comment));
      expect(await history.textContent()).toContain('Changes requested');
      await expectVisible(drawer.getByTestId('document-status').getByText('Changes requested'));
      expect((await myDocuments())[0]).toMatchObject({
        status: 'changes_requested',
        latestReview: { version: 1, decision: 'changes_requested', comment },
      });

      // The IMG sees the comment, with the version it was about, and sends a new version.
      await phone.reload();
      const reviewed = mine.getByTestId('my-document').filter({ hasText: title });
      await expectVisible(reviewed.getByText('Changes requested', { exact: true }));
      const note = reviewed.getByTestId('my-document-review');
      await expectVisible(note.getByText(comment));
      expect(await note.textContent()).toContain('Your case manager asked for changes to version 1');
      expect(await pageWidth(phone)).toBeLessThanOrEqual(375);
      await shoot(phone, 'img-documents-changes-requested-mobile');
      expect(await accessibilityViolations(phone)).toEqual([]);
      await reviewed.getByRole('button', { name: 'Upload a new version' }).click();
      const again = phone.getByRole('form', { name: `New version of ${title}` });
      await pickFile(phone, again.getByRole('button', { name: 'Choose a file' }), 'cv-v2.pdf', second);
      await again.getByRole('button', { name: 'Send the new version' }).click();
      await expectVisible(reviewed.getByText('Waiting for your case manager', { exact: true }));
      await expectVisible(reviewed.getByText('Sent. Your case manager will check it.'));
      expect(await reviewed.textContent()).toContain('version 2');
      const [resent] = await myDocuments();
      expect(resent).toMatchObject({ version: 2, status: 'awaiting_review' });
      expect(resent.sha256).toBe(sha256(second));

      // The case manager, from the link to the document: version 2 shown, the first review kept; they approve.
      const secondPreview = nextPreview(desk);
      await desk.goto(`${web.baseUrl}/clients/${client.id}/documents?document=${sent.id}`);
      await expectVisible(drawer.getByTestId('document-status').getByText('Awaiting review'));
      await expectPdfPreview(desk, drawer, secondPreview, second);
      expect(await drawer.getByTestId('document-version').count()).toBe(2);
      expect(await drawer.getByTestId('document-review').count()).toBe(1);
      // The first version still downloads as it was sent.
      const [download] = await Promise.all([
        desk.waitForEvent('download'),
        drawer.getByRole('button', { name: 'Download version 1' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('cv.pdf');
      expect(sha256(await streamed(download))).toBe(sha256(first));
      await drawer.getByRole('button', { name: 'Approve version 2' }).click();
      await expectVisible(drawer.getByTestId('document-status').getByText('Approved'));
      expect(await drawer.getByTestId('document-review').count()).toBe(2);
      expect((await myDocuments())[0]).toMatchObject({
        status: 'approved',
        latestReview: { version: 2, decision: 'approved' },
      });
      expect(await accessibilityViolations(desk)).toEqual([]);

      // The IMG sees it approved, and downloads what they sent.
      await phone.reload();
      const approved = mine.getByTestId('my-document').filter({ hasText: title });
      await expectVisible(approved.getByText('Approved', { exact: true }));
      expect(await approved.getByTestId('my-document-status').textContent()).toBe('Approved');
      const [mineDownloaded] = await Promise.all([
        phone.waitForEvent('download'),
        approved.getByRole('button', { name: `Download ${title}` }).click(),
      ]);
      expect(sha256(await streamed(mineDownloaded))).toBe(sha256(second));
      expect(await pageWidth(phone)).toBeLessThanOrEqual(375);
      await shoot(phone, 'img-documents-approved-mobile');
      expect(await accessibilityViolations(phone)).toEqual([]);
      expect(web.errors).toEqual([]);
    } finally {
      await phone.close();
      await desk.close();
    }
  });

  it('an upload the API refuses says why with its message, too large (413) or not a kind it keeps (415); a director sees only what exists', async () => {
    const { center, manager, token, client } = await aCase();
    const notes = Buffer.from('Notes from the phone call, saved with a .pdf name.');
    const big = Buffer.concat([pdf('Scanned at 1200 dpi'), Buffer.alloc(MAX_BYTES)]);
    // Far over the limit: the API refuses it from its declared length, before reading it.
    const huge = Buffer.concat([pdf('Scanned at 2400 dpi'), Buffer.alloc(4 * MAX_BYTES)]);
    /** What the API answers these bytes, asked directly. */
    const refusalOf = async (bytes: Buffer, name: string) => {
      const form = new FormData();
      form.append('category', 'other');
      form.append('file', new Blob([bytes]), name);
      const res = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}/documents`, {
        method: 'POST',
        headers: bearer(token),
        body: form,
      });
      return { status: res.status, ...((await res.json()) as { code: string; message: string }) };
    };
    const unsupported = await refusalOf(notes, 'notes.pdf');
    expect(unsupported).toMatchObject({ status: 415, code: 'DOCUMENT_TYPE_NOT_ACCEPTED' });
    const tooLarge = await refusalOf(big, 'scan.pdf');
    expect(tooLarge).toMatchObject({ status: 413, code: 'DOCUMENT_TOO_LARGE' });
    expect(await refusalOf(huge, 'scan.pdf')).toMatchObject({ status: 413, message: tooLarge.message });
    const listed = async () => {
      const res = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}/documents`, { headers: bearer(token) });
      return ((await res.json()) as { items: DocumentBody[] }).items;
    };

    const desk = await openPage(DESKTOP);
    try {
      await signIn(desk, manager.email, TEST_PASSWORD);
      await desk.waitForURL(/\/caseload$/);
      await desk.goto(`${web.baseUrl}/clients/${client.id}/documents`);
      const form = desk.getByRole('form', { name: 'Upload a document' });
      await expectVisible(form);
      await expectVisible(desk.getByText('No documents yet.'));
      // Dropped on the zone, as from the desktop.
      const dropped = await desk.evaluateHandle((text) => {
        // Runs in the page, where the DOM's DataTransfer is (this file is typed for Node).
        const page = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
        const transfer = new page.DataTransfer();
        transfer.items.add(new File([text], 'notes.pdf', { type: 'application/pdf' }));
        return transfer;
      }, notes.toString());
      await form.getByTestId('file-drop').dispatchEvent('drop', { dataTransfer: dropped });
      await expectVisible(form.getByText(`notes.pdf (${notes.length} B)`));
      await choose(desk, form, 'Category', 'Other');
      await form.getByRole('button', { name: 'Upload', exact: true }).click();
      const refusal = form.getByTestId('upload-refusal');
      await expectVisible(refusal.getByText('This kind of file is not accepted'));
      expect(await refusal.textContent()).toContain(unsupported.message);
      await shoot(desk, 'client-documents-refused');
      expect(await accessibilityViolations(desk)).toEqual([]);

      for (const [name, bytes] of [
        ['scan.pdf', big],
        ['huge-scan.pdf', huge],
      ] as const) {
        await pickFile(desk, form.getByRole('button', { name: 'Choose another file' }), name, bytes);
        await refusal.waitFor({ state: 'detached' });
        await form.getByRole('button', { name: 'Upload', exact: true }).click();
        await expectVisible(refusal.getByText('The file is too large'));
        expect(await refusal.textContent()).toContain(tooLarge.message);
      }
      expect(await listed()).toEqual([]);
      const uploads = `/api/v1/clients/${client.id}/documents`;
      expect(web.errors).toEqual([`415 ${uploads}`, `413 ${uploads}`, `413 ${uploads}`]);
    } finally {
      await desk.close();
    }

    // A document on file: a director of the center sees that it exists, and nothing to open or send.
    const created = new FormData();
    created.append('category', 'diploma');
    created.append('title', 'Diploma, University of Aleppo');
    created.append('file', new Blob([pdf('Diploma')]), 'diploma.pdf');
    const res = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}/documents`, {
      method: 'POST',
      headers: bearer(token),
      body: created,
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const director = await createUser(web.data, { role: Role.Director, centerId: center.id });
    web.reset();
    const reader = await openPage(DESKTOP);
    try {
      await signIn(reader, director.email, TEST_PASSWORD);
      await reader.waitForURL(/\/dashboard$/);
      await reader.goto(`${web.baseUrl}/clients/${client.id}/documents?document=${id}`);
      const row = reader.getByTestId('document-row');
      await expectVisible(row.getByText('Medical diploma', { exact: true }));
      expect(await row.textContent()).toContain('Added by staff');
      expect(await reader.getByText('Diploma, University of Aleppo').count()).toBe(0);
      expect(await reader.getByRole('button', { name: /^Open/ }).count()).toBe(0);
      expect(await reader.getByRole('form', { name: 'Upload a document' }).count()).toBe(0);
      expect(await reader.getByRole('dialog').count()).toBe(0);
      await shoot(reader, 'client-documents-director');
      expect(await accessibilityViolations(reader)).toEqual([]);
      expect(web.errors).toEqual([]);
    } finally {
      await reader.close();
    }
  });

  it('an IMG reading Spanish is told in Spanish why a file cannot be sent', async () => {
    const { account, imgToken, myDocuments } = await aCase();
    const preferences = await fetch(`${web.baseUrl}/api/v1/me/preferences`, {
      method: 'PATCH',
      headers: { ...bearer(imgToken), 'Content-Type': 'application/json' },
      body: JSON.stringify({ language: 'es' }),
    });
    expect(preferences.status).toBe(200);
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64, 1)]);

    const phone = await openPage(PHONE);
    try {
      await signIn(phone, account.email, TEST_PASSWORD);
      await phone.waitForURL(/\/status$/);
      const mine = phone.getByTestId('documents');
      await expectVisible(mine.getByRole('heading', { name: 'Mis documentos' }));
      await expectVisible(mine.getByText('Todavía no hay documentos.'));
      await mine.getByRole('button', { name: 'Enviar un documento' }).click();
      const form = phone.getByRole('form', { name: 'Enviar un documento' });
      await choose(phone, form, 'Tipo de documento', 'Título de médico');
      await pickFile(phone, form.getByRole('button', { name: 'Elegir un archivo' }), 'titulo.gif', gif, 'image/gif');
      await form.getByRole('button', { name: 'Enviar a mi administrador de caso' }).click();
      const refusal = form.getByTestId('upload-refusal');
      await expectVisible(refusal.getByText('Este tipo de archivo no se puede enviar'));
      expect(await refusal.textContent()).toContain(
        'Envíe un PDF, una foto (JPEG, PNG o HEIC) o un documento de Word (DOCX). Este archivo es image/gif (.gif).',
      );
      expect(await myDocuments()).toEqual([]);
      expect(await pageWidth(phone)).toBeLessThanOrEqual(375);
      await shoot(phone, 'img-documents-refused-es-mobile');
      expect(await accessibilityViolations(phone)).toEqual([]);
      expect(web.errors).toEqual(['415 /api/v1/me/documents']);
    } finally {
      await phone.close();
    }
  });

  it('a photo previews from a blob:, a HEIC one says to download it instead, and a document is deleted once confirmed', async () => {
    const { manager, token, client } = await aCase();
    // A real 1×1 PNG (the browser decodes it), and a HEIC header (Chromium cannot show HEIC at all).
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic'),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('mif1heic'),
      Buffer.alloc(600, 7),
    ]);
    const uploaded = async (bytes: Buffer, name: string, category: string, title: string) => {
      const form = new FormData();
      form.append('category', category);
      form.append('title', title);
      form.append('file', new Blob([bytes]), name);
      const res = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}/documents`, {
        method: 'POST',
        headers: bearer(token),
        body: form,
      });
      expect(res.status).toBe(201);
      return (await res.json()) as DocumentBody;
    };
    const photo = await uploaded(png, 'license.png', 'medical_license', 'Medical license, photo');
    const phonePhoto = await uploaded(heic, 'IMG_0042.HEIC', 'diploma', 'Diploma, phone photo');
    const listed = async () => {
      const res = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}/documents`, { headers: bearer(token) });
      return ((await res.json()) as { items: DocumentBody[] }).items.map((d) => d.title);
    };

    const desk = await openPage(DESKTOP);
    try {
      await signIn(desk, manager.email, TEST_PASSWORD);
      await desk.waitForURL(/\/caseload$/);
      await desk.goto(`${web.baseUrl}/clients/${client.id}/documents?document=${photo.id}`);
      const drawer = desk.getByRole('dialog', { name: photo.title });
      const image = drawer.getByRole('img', { name: `Preview of ${photo.title}, version 1` });
      await expectVisible(image);
      expect(await image.getAttribute('src')).toMatch(new RegExp(`^blob:${web.baseUrl}/[0-9a-f-]{36}$`));
      // Decoded: the browser read the bytes as the PNG they are.
      await eventually(async () =>
        (await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)) === 1
          ? true
          : undefined,
      );
      expect(await accessibilityViolations(desk)).toEqual([]);
      await drawer.getByRole('button', { name: 'Close the document' }).click();
      await drawer.waitFor({ state: 'detached' });

      await desk.getByRole('button', { name: `Open ${phonePhoto.title}` }).click();
      const heicDrawer = desk.getByRole('dialog', { name: phonePhoto.title });
      await expectVisible(heicDrawer.getByText('No preview for this file'));
      expect(await heicDrawer.getByTestId('document-preview').count()).toBe(0);
      const [download] = await Promise.all([
        desk.waitForEvent('download'),
        heicDrawer.getByRole('button', { name: 'Download', exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('IMG_0042.HEIC');
      expect(sha256(await streamed(download))).toBe(sha256(heic));
      await shoot(desk, 'client-document-no-preview');
      expect(await accessibilityViolations(desk)).toEqual([]);

      await heicDrawer.getByRole('button', { name: `Delete the document “${phonePhoto.title}”` }).click();
      const confirm = desk.getByRole('dialog', { name: 'Delete this document?' });
      await expectVisible(confirm.getByText('with its 1 version(s) and its reviews'));
      // Kept: nothing is deleted until it is confirmed.
      await confirm.getByRole('button', { name: 'Keep it' }).click();
      await confirm.waitFor({ state: 'detached' });
      expect(await listed()).toContain(phonePhoto.title);
      await heicDrawer.getByRole('button', { name: `Delete the document “${phonePhoto.title}”` }).click();
      await confirm.getByRole('button', { name: 'Delete document' }).click();
      await heicDrawer.waitFor({ state: 'detached' });
      await desk.getByRole('button', { name: `Open ${phonePhoto.title}` }).waitFor({ state: 'detached' });
      expect(new URL(desk.url()).searchParams.has('document')).toBe(false);
      expect(await listed()).toEqual([photo.title]);
      expect(web.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});

/** A download's bytes. */
async function streamed(download: { createReadStream(): Promise<NodeJS.ReadableStream> }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
