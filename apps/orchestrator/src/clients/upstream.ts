/** A call to another service's HTTP API that did not give a usable answer. */
export class UpstreamError extends Error {
  constructor(
    message: string,
    /** the HTTP status the other service answered (undefined: no answer at all) */
    readonly status?: number,
    readonly body?: unknown,
  ) {
    super(message);
  }

  /** worth trying again later (no answer, 5xx, 429) */
  get transient(): boolean {
    return this.status === undefined || this.status >= 500 || this.status === 429;
  }
}

const TIMEOUT_MS = 30_000;

/** POSTs or GETs JSON; returns the parsed body, or undefined for a 404; throws UpstreamError otherwise. */
export async function callJson<T>(url: string, body?: unknown, init: { timeoutMs?: number } = {}): Promise<T | undefined> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(init.timeoutMs ?? TIMEOUT_MS),
    });
  } catch (err) {
    throw new UpstreamError(`${url}: ${(err as Error).message}`);
  }
  if (res.status === 404) return undefined;
  const text = await res.text();
  const parsed = text ? safeJson(text) : undefined;
  if (!res.ok) throw new UpstreamError(`${url} answered ${res.status}: ${text.slice(0, 500)}`, res.status, parsed);
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
