import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import type { FakeAccounts } from './fake-accounts';

/** A request a fake service received. */
export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type FakeHandler = (req: Received, res: ServerResponse) => void | Promise<void>;

/**
 * A stand-in for another service's internal HTTP API (orchestrator, identity) in unit tests: a real
 * node:http server on 127.0.0.1, answering from routes the test sets and recording every request.
 * Unknown routes answer 404 `{code:'NOT_FOUND'}`, but a fake identity given `accounts` answers the
 * look-ups of stored accounts (see FakeAccounts).
 */
export class FakeUpstream {
  readonly received: Received[] = [];
  private routes: { method: string; path: string | RegExp; handler: FakeHandler }[] = [];
  private server?: Server;

  constructor(private readonly accounts?: FakeAccounts) {}

  on(method: string, path: string | RegExp, handler: FakeHandler): this {
    this.routes.unshift({ method, path, handler });
    return this;
  }

  /** Answers `status` with `body` as JSON. */
  reply(method: string, path: string | RegExp, status: number, body: unknown): this {
    return this.on(method, path, (_req, res) => json(res, status, body));
  }

  reset(): void {
    this.routes = [];
    this.received.length = 0;
  }

  last(): Received {
    const last = this.received.at(-1);
    if (!last) throw new Error('the fake upstream received nothing');
    return last;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const text = await readBody(req);
    const received: Received = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: parseBody(text, req.headers['content-type']),
    };
    const route = this.routes.find(
      (r) => r.method === received.method && (typeof r.path === 'string' ? r.path === url.pathname : r.path.test(url.pathname)),
    );
    if (!route && this.accounts?.answer(received, res)) return;
    this.received.push(received);
    if (!route) return json(res, 404, { code: 'NOT_FOUND', message: `no fake route ${received.method} ${url.pathname}`, details: {} });
    await route.handler(received, res);
  }
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON bodies parsed; any other body (an uploaded file) as its bytes. */
function parseBody(bytes: Buffer, contentType: string | undefined): unknown {
  if (bytes.length === 0) return undefined;
  return !contentType || contentType.startsWith('application/json') ? JSON.parse(bytes.toString('utf8')) : bytes;
}
