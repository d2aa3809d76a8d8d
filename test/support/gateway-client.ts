/** A JSON object as the gateway answers it (specs read what they expect out of it). */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface GatewayAnswer {
  status: number;
  /** the parsed JSON body; `{}` when the body is empty or not JSON (CSV, a file) */
  body: Json;
  text: string;
  headers: Headers;
}

/**
 * Requests to the public gateway as a client sends them: `authorization` is the whole header value
 * (undefined: none); a Buffer or string body goes as it is with `type`, anything else as JSON.
 */
export function gatewayClient(base: () => string) {
  return async function call(
    method: string,
    path: string,
    authorization?: string,
    body?: unknown,
    type = 'application/json',
  ): Promise<GatewayAnswer> {
    const raw = typeof body === 'string' || Buffer.isBuffer(body);
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: { ...(authorization !== undefined && { authorization }), ...(body !== undefined && { 'content-type': type }) },
      body: body === undefined ? undefined : raw ? (body as string | Buffer) : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: Json = {};
    try {
      parsed = text ? (JSON.parse(text) as Json) : {};
    } catch {
      /* CSV, a file, or not JSON */
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  };
}
