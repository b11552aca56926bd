import { session } from './client';
import { toApiError } from './errors';
import type { paths } from './schema';

/** A route's POST operation, when it takes a multipart body (an upload). */
type UploadOperation<P extends keyof paths> = paths[P] extends { post: infer Op }
  ? Op extends { requestBody: { content: { 'multipart/form-data': unknown } } }
    ? Op
    : never
  : never;

/** The API's routes that take a file: the documents' uploads and new versions. */
export type UploadPath = { [P in keyof paths]: UploadOperation<P> extends never ? never : P }[keyof paths];

type PathParams<P extends UploadPath> =
  UploadOperation<P> extends { parameters: { path: infer Params } } ? Params : Record<string, never>;

/** The text fields sent beside the file (`category`, `title`), as the API's schema names them. */
type UploadFields<P extends UploadPath> = Omit<
  UploadOperation<P>['requestBody']['content']['multipart/form-data'],
  'file'
>;

/** What the route answers once it has the file (its 201, or its 200). */
type Uploaded<P extends UploadPath> =
  UploadOperation<P> extends { responses: { 201: { content: { 'application/json': infer Body } } } }
    ? Body
    : UploadOperation<P> extends { responses: { 200: { content: { 'application/json': infer Body } } } }
      ? Body
      : never;

export interface UploadOptions<P extends UploadPath> {
  params: PathParams<P>;
  fields: UploadFields<P>;
  file: File;
  /** From 0 to 1 as the bytes leave the browser (not once the API has stored them). */
  onProgress?: (fraction: number) => void;
  /** Aborting stops the upload; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

/** What the upload needs of the session: the same token (renewed when due) the typed client sends. */
export interface UploadSession {
  token(): Promise<string | null>;
  refresh(): Promise<string | null>;
}

/** A POST's answer: its status and parsed body (JSON, else the text, else nothing). */
interface Answer {
  status: number;
  body: unknown;
}

/**
 * Uploads through XMLHttpRequest, because fetch reports no upload progress: the same routes the
 * typed client knows (path, fields and answer typed from the API's schema), the same bearer token,
 * renewed and tried once more on a 401 as the typed client's middleware does (the API stores
 * nothing from a refused request, so sending the file again is safe). A refusal rejects with the
 * API's ApiError (413 DOCUMENT_TOO_LARGE, 415 DOCUMENT_TYPE_NOT_ACCEPTED carry its message);
 * no answer at all rejects with a TypeError, as fetch does.
 */
export function createUploader(tokens: UploadSession) {
  return async function upload<P extends UploadPath>(path: P, options: UploadOptions<P>): Promise<Uploaded<P>> {
    const url = fillPath(path, options.params as Record<string, string>);
    const form = () => {
      const body = new FormData();
      // The fields first: the API reads the parts in order and streams the file to storage as it comes.
      for (const [name, value] of Object.entries(options.fields as Record<string, unknown>)) {
        if (value !== undefined && value !== null) body.append(name, String(value));
      }
      body.append('file', options.file, options.file.name);
      return body;
    };
    let answer = await post(url, form(), await tokens.token(), options);
    if (answer.status === 401) {
      const renewed = await tokens.refresh();
      // Null: the session is over, and the app shows the sign-in page; the 401 is reported below.
      if (renewed !== null) {
        options.onProgress?.(0);
        answer = await post(url, form(), renewed, options);
      }
    }
    if (answer.status >= 200 && answer.status < 300) return answer.body as Uploaded<P>;
    throw toApiError(answer.status, answer.body);
  };
}

/** The app's uploads, with the signed-in session's token. */
export const upload = createUploader(session);

/** `/api/v1/clients/{clientId}/documents` with its `{…}` filled in, each value encoded. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}

function post(
  url: string,
  body: FormData,
  token: string | null,
  { onProgress, signal }: Pick<UploadOptions<UploadPath>, 'onProgress' | 'signal'>,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Accept', 'application/json');
    if (token !== null) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    const cancel = () => request.abort();
    signal?.addEventListener('abort', cancel, { once: true });
    const settle = () => signal?.removeEventListener('abort', cancel);
    request.onload = () => {
      settle();
      resolve({ status: request.status, body: parsed(request.responseText) });
    };
    request.onerror = () => {
      settle();
      reject(new TypeError('The upload could not reach the server'));
    };
    request.onabort = () => {
      settle();
      reject(new DOMException('The upload was cancelled', 'AbortError'));
    };
    request.send(body);
  });
}

function parsed(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Whether a failure is the person's own cancelling (nothing to report). */
export const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';
