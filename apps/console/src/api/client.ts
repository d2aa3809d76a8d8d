import type { ErrorBody } from './types';

/** An error answer of the API: its status and `{code, message, details}` (details.field names a wrong field). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorBody['details'] = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined;
  }
}

let token: string | undefined;
const unauthorizedListeners = new Set<(error: ApiError) => void>();

/** The bearer token every call carries (set by the session). */
export function setBearerToken(value: string | undefined): void {
  token = value;
}

/** Called when the API answers 401: the token expired or the account is no longer active. */
export function onUnauthorized(listener: (error: ApiError) => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function authHeaders(): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** a file, sent as it is */
  file?: File;
  headers?: Record<string, string>;
  query?: Record<string, string | number | string[] | undefined>;
  signal?: AbortSignal;
}

/** A path with its query string: lists as comma-separated values, empty values left out. */
export function withQuery(path: string, query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...authHeaders(), ...options.headers };
  let body: BodyInit | undefined;
  if (options.file) {
    body = options.file;
    headers['content-type'] = options.file.type || 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(withQuery(path, options.query), { method: options.method ?? 'GET', headers, body, signal: options.signal });
  if (!res.ok) throw await errorOf(res);
  return res;
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> = {};
  try {
    body = (await res.json()) as Partial<ErrorBody>;
  } catch {
    /* not JSON */
  }
  const error = new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? res.statusText, body.details ?? {});
  if (res.status === 401) for (const listener of unauthorizedListeners) listener(error);
  return error;
}

/** A JSON call of the API. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file of the API (results CSV, a job's artifact) saved by the browser under its name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send(path, { headers: { accept: '*/*' } });
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A human sentence for any error a call threw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return `${error.message} (${error.code})`;
  if (error instanceof Error) return error.message;
  return String(error);
}
