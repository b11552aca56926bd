import { ApiError } from './errors';
import { createUploader, fillPath, isAbort } from './upload';

/** A stand-in for the browser's XMLHttpRequest: records what was sent, answers as each test says. */
class FakeRequest {
  static sent: FakeRequest[] = [];
  static answer: (request: FakeRequest) => void = () => undefined;

  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
    FakeRequest.sent.push(this);
    FakeRequest.answer(this);
  }
  abort() {
    this.onabort?.();
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
}

const file = () => new File(['%PDF-1.4 hello'], 'cv 2026.pdf', { type: 'application/pdf' });
const tokens = (first: string | null, renewed: string | null = null) => ({
  token: jest.fn(async () => first),
  refresh: jest.fn(async () => renewed),
});

describe('upload', () => {
  beforeEach(() => {
    FakeRequest.sent = [];
    (globalThis as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeRequest;
  });
  afterEach(() => {
    delete (globalThis as unknown as { XMLHttpRequest?: unknown }).XMLHttpRequest;
  });

  it('posts the fields and the file with the bearer token, reports progress, and returns the API’s answer', async () => {
    const progress: number[] = [];
    FakeRequest.answer = (request) => {
      request.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 });
      request.upload.onprogress?.({ lengthComputable: true, loaded: 200, total: 200 });
      request.respond(201, { id: 'd1', version: 1 });
    };
    const upload = createUploader(tokens('access-1'));
    const answer = await upload('/api/v1/clients/{clientId}/documents', {
      params: { clientId: 'c/1' },
      fields: { category: 'cv', title: 'My CV' },
      file: file(),
      onProgress: (fraction) => progress.push(fraction),
    });
    expect(answer).toEqual({ id: 'd1', version: 1 });
    expect(progress).toEqual([0.25, 1]);
    const [request] = FakeRequest.sent;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/v1/clients/c%2F1/documents');
    expect(request.headers.Authorization).toBe('Bearer access-1');
    const sent = request.body as FormData;
    expect([...sent.keys()]).toEqual(['category', 'title', 'file']);
    expect(sent.get('category')).toBe('cv');
    expect((sent.get('file') as File).name).toBe('cv 2026.pdf');
  });

  it('leaves out a field not given (the title is optional)', async () => {
    FakeRequest.answer = (request) => request.respond(201, {});
    await createUploader(tokens('t'))('/api/v1/me/documents', {
      params: {},
      fields: { category: 'diploma', title: undefined },
      file: file(),
    });
    expect([...(FakeRequest.sent[0].body as FormData).keys()]).toEqual(['category', 'file']);
  });

  it('renews the token once on a 401 and sends the file again', async () => {
    FakeRequest.answer = (request) =>
      request.headers.Authorization === 'Bearer stale'
        ? request.respond(401, { message: 'Unauthorized' })
        : request.respond(200, { version: 2 });
    const session = tokens('stale', 'fresh');
    const answer = await createUploader(session)('/api/v1/me/documents/{id}/versions', {
      params: { id: 'd1' },
      fields: {},
      file: file(),
    });
    expect(answer).toEqual({ version: 2 });
    expect(session.refresh).toHaveBeenCalledTimes(1);
    expect(FakeRequest.sent.map((r) => r.headers.Authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('rejects with the API’s error and its message: 413, 415, and a 401 the session cannot fix', async () => {
    const refuse = (status: number, body: unknown) => {
      FakeRequest.answer = (request) => request.respond(status, body);
      return createUploader(tokens('t'))('/api/v1/me/documents', {
        params: {},
        fields: { category: 'cv' },
        file: file(),
      });
    };
    await expect(
      refuse(413, { code: 'DOCUMENT_TOO_LARGE', message: 'A document may be at most 20 MB', maxBytes: 20971520 }),
    ).rejects.toMatchObject({ status: 413, code: 'DOCUMENT_TOO_LARGE', message: 'A document may be at most 20 MB' });
    const unsupported = await refuse(415, {
      code: 'DOCUMENT_TYPE_NOT_ACCEPTED',
      message: 'A document must be a PDF, JPEG, PNG, HEIC/HEIF or DOCX file; this one is image/gif (.gif)',
    }).catch((error: unknown) => error);
    expect(unsupported).toBeInstanceOf(ApiError);
    expect((unsupported as ApiError).message).toContain('image/gif');
    await expect(refuse(401, { message: 'Unauthorized' })).rejects.toMatchObject({ status: 401 });
    expect(FakeRequest.sent).toHaveLength(3);
  });

  it('tells no answer at all and a cancelled upload apart from a refusal', async () => {
    FakeRequest.answer = (request) => request.onerror?.();
    const failed = await createUploader(tokens('t'))('/api/v1/me/documents', {
      params: {},
      fields: { category: 'cv' },
      file: file(),
    }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(TypeError);
    expect(isAbort(failed)).toBe(false);

    FakeRequest.answer = () => undefined;
    const controller = new AbortController();
    const pending = createUploader(tokens('t'))('/api/v1/me/documents', {
      params: {},
      fields: { category: 'cv' },
      file: file(),
      signal: controller.signal,
    });
    await Promise.resolve();
    await Promise.resolve();
    controller.abort();
    expect(isAbort(await pending.catch((error: unknown) => error))).toBe(true);
  });
});

describe(fillPath.name, () => {
  it('fills each parameter, and refuses a path left with one unfilled', () => {
    expect(fillPath('/api/v1/clients/{clientId}/documents/{id}/versions', { clientId: 'a', id: 'b' })).toBe(
      '/api/v1/clients/a/documents/b/versions',
    );
    expect(() => fillPath('/api/v1/clients/{clientId}/documents', {})).toThrow(/clientId/);
  });
});
