import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { SERVICE_CONFIG, ServiceConfig } from '@cohort/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../gateway.config';
import { ApiError, codeForStatus, ErrorBody, GATEWAY_ERRORS } from '../gateway.errors';

/** The internal APIs the gateway reads. */
export type Upstream = 'orchestrator' | 'identity' | 'membership' | 'learning' | 'communications';

export type QueryValues = Record<string, string | number | undefined>;

export interface UpstreamRequest {
  method?: 'GET' | 'POST';
  /** sent as JSON */
  body?: unknown;
  /** sent as they are (an uploaded file), instead of a JSON body */
  bytes?: RawBody;
  query?: QueryValues;
  /** instead of GATEWAY_UPSTREAM_TIMEOUT_MS (e.g. for a large file) */
  timeoutMs?: number;
  /** a POST that only reads (a search, a preview): sent again once on a dropped connection, as a GET is */
  readOnly?: boolean;
}

/** A body the gateway forwards byte for byte, with its media type. */
export interface RawBody {
  data: Buffer;
  contentType: string;
}

export interface UpstreamAnswer<T> {
  status: number;
  body: T;
}

/** A file a service streams (a job's ZIP, a certificate's PDF): its bytes as they come, and what it said of them. */
export interface UpstreamFile {
  body: Readable;
  contentType?: string;
  /** only when the bytes arrive as the service counted them (no content encoding undone on the way) */
  contentLength?: number;
}

/** A path segment (tenant, job or user id) made safe for a URL. */
export const seg = (value: string): string => encodeURIComponent(value);

/**
 * HTTP client of the services' small internal APIs. A 4xx answer passes through as it is
 * (`{code, message, details}` and its status); a 5xx answer becomes 502 (503 when the service said
 * 503) and an unreachable or silent service 503, both `UPSTREAM.UNAVAILABLE`.
 */
@Injectable()
export class UpstreamClient {
  private readonly logger = new Logger(UpstreamClient.name);

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(GATEWAY_CONFIG) private readonly gateway: GatewayConfig,
  ) {}

  async json<T>(service: Upstream, path: string, request: UpstreamRequest = {}): Promise<UpstreamAnswer<T>> {
    const { response, done, timedOut } = await this.send(service, path, request, 'application/json');
    try {
      return { status: response.status, body: (await response.json()) as T };
    } catch (err) {
      if (timedOut()) throw this.unavailable(service, HttpStatus.SERVICE_UNAVAILABLE, this.tooSlow(service, request.timeoutMs), err);
      throw this.unavailable(service, HttpStatus.BAD_GATEWAY, `${service} sent an unreadable answer`, err);
    } finally {
      done();
    }
  }

  /** POSTs raw bytes (an uploaded file) and reads the JSON answer. */
  upload<T>(
    service: Upstream,
    path: string,
    bytes: RawBody,
    request: Omit<UpstreamRequest, 'method' | 'body' | 'bytes'> = {},
  ): Promise<UpstreamAnswer<T>> {
    return this.json<T>(service, path, { ...request, method: 'POST', bytes });
  }

  /** A streamed answer (NDJSON); the timeout covers the wait for its headers, not the whole body. */
  async stream(service: Upstream, path: string): Promise<Readable> {
    const { response, done } = await this.send(service, path, {}, 'application/x-ndjson');
    done();
    if (!response.body) throw this.unavailable(service, HttpStatus.BAD_GATEWAY, `${service} sent no body`);
    return Readable.fromWeb(response.body as WebReadableStream);
  }

  /**
   * A file, streamed as it arrives (never buffered): the timeout covers the wait for its headers only.
   * A 4xx answer passes through as an ApiError like any other, before a byte of the file is sent on.
   */
  async download(service: Upstream, path: string, accept: string, query?: QueryValues): Promise<UpstreamFile> {
    const { response, done } = await this.send(service, path, { query }, accept);
    done();
    if (!response.body) throw this.unavailable(service, HttpStatus.BAD_GATEWAY, `${service} sent no body`);
    const length = Number(response.headers.get('content-length') ?? NaN);
    const encoded = response.headers.has('content-encoding');
    return {
      body: Readable.fromWeb(response.body as WebReadableStream),
      contentType: response.headers.get('content-type') ?? undefined,
      ...(!encoded && Number.isSafeInteger(length) && length >= 0 && { contentLength: length }),
    };
  }

  private async send(service: Upstream, path: string, request: UpstreamRequest, accept: string) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), request.timeoutMs ?? this.gateway.upstreamTimeoutMs);
    const done = () => clearTimeout(timer);
    const attempt = () =>
      fetch(this.url(service, path, request.query), {
        method: request.method ?? 'GET',
        headers: { accept, ...contentType(request) },
        body: request.bytes ? request.bytes.data : request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
    let response: Response;
    try {
      response = await attempt().catch((err: unknown) => {
        // a pooled keep-alive connection the service closed just as it was reused fails before any answer:
        // a request that only reads is sent once more on a fresh connection (within the same deadline)
        if (controller.signal.aborted || !(request.method === undefined || request.method === 'GET' || request.readOnly)) throw err;
        this.logger.debug({ msg: `${service}: connection failed, sending the request once more`, service, cause: describe(err) });
        return attempt();
      });
    } catch (err) {
      done();
      const message = controller.signal.aborted ? this.tooSlow(service, request.timeoutMs) : `${service} is unreachable`;
      throw this.unavailable(service, HttpStatus.SERVICE_UNAVAILABLE, message, err);
    }
    if (response.ok) return { response, done, timedOut: () => controller.signal.aborted };
    try {
      throw await this.failure(service, response);
    } finally {
      done();
    }
  }

  private url(service: Upstream, path: string, query: QueryValues = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const search = params.size > 0 ? `?${params}` : '';
    return `${this.config.urls[service].replace(/\/+$/, '')}${path}${search}`;
  }

  private async failure(service: Upstream, response: Response): Promise<ApiError> {
    if (response.status >= 500) {
      await response.body?.cancel().catch(() => undefined);
      const status = response.status === 503 ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
      return this.unavailable(service, status, `${service} failed (HTTP ${response.status})`);
    }
    const body = (await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined;
    if (typeof body?.code === 'string' && typeof body.message === 'string') {
      return new ApiError(response.status, body.code, body.message, body.details ?? {});
    }
    return new ApiError(response.status, codeForStatus(response.status), `${service} answered HTTP ${response.status}`, { service });
  }

  private tooSlow(service: Upstream, timeoutMs = this.gateway.upstreamTimeoutMs): string {
    return `${service} did not answer in ${timeoutMs} ms`;
  }

  private unavailable(service: Upstream, status: number, message: string, cause?: unknown): ApiError {
    this.logger.warn({ msg: message, service, cause: describe(cause) });
    return new ApiError(status, GATEWAY_ERRORS.upstreamUnavailable, message, { service });
  }
}

function contentType(request: UpstreamRequest): Record<string, string> {
  if (request.bytes) return { 'content-type': request.bytes.contentType };
  return request.body === undefined ? {} : { 'content-type': 'application/json' };
}

/** What went wrong underneath (fetch wraps ECONNREFUSED and the like in `cause`). */
function describe(cause: unknown): string | undefined {
  const e = cause as { message?: string; cause?: { code?: string; message?: string } } | undefined;
  return e?.cause?.code ?? e?.cause?.message ?? e?.message;
}
