import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG, ServiceConfig } from '@cohort/common';
import { PersonView, SelectionDigest, SelectionSpec, SelectionStreamLine } from '@cohort/contracts';
import { callJson, UpstreamError } from './upstream';

/** identity's internal HTTP API, as the orchestrator uses it (libs/contracts/src/internal/identity-api.ts). */
@Injectable()
export class IdentityClient {
  private readonly base: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.base = config.urls.identity;
  }

  private url(tenantId: string, path: string): string {
    return `${this.base}/internal/tenants/${encodeURIComponent(tenantId)}/${path}`;
  }

  async person(tenantId: string, userId: string): Promise<PersonView | undefined> {
    return callJson<PersonView>(this.url(tenantId, `people/${encodeURIComponent(userId)}`));
  }

  async digest(tenantId: string, spec: SelectionSpec): Promise<SelectionDigest> {
    const digest = await callJson<SelectionDigest>(this.url(tenantId, 'selection/digest'), spec);
    if (!digest) throw new UpstreamError('identity has no selection/digest route', 404);
    return digest;
  }

  /**
   * Every id matching the selection, in batches as identity streams them (one database cursor over
   * there, HTTP backpressure in between: reading slowly slows identity's cursor down). The last value
   * is the stream's `done` line; a stream cut off before it throws.
   */
  async *stream(tenantId: string, spec: SelectionSpec): AsyncGenerator<{ ids: string[] } | { done: true; count: number; digest: string }> {
    let res: Response;
    try {
      res = await fetch(this.url(tenantId, 'selection/stream'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(spec),
      });
    } catch (err) {
      throw new UpstreamError(`identity selection stream: ${(err as Error).message}`);
    }
    if (!res.ok || !res.body)
      throw new UpstreamError(`identity selection stream answered ${res.status}: ${(await res.text()).slice(0, 500)}`, res.status);
    let rest = '';
    let done = false;
    const decoder = new TextDecoder();
    for await (const bytes of res.body as unknown as AsyncIterable<Uint8Array>) {
      rest += decoder.decode(bytes, { stream: true });
      const lines = rest.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        const parsed = SelectionStreamLine.parse(JSON.parse(line));
        if ('done' in parsed) done = true;
        yield parsed;
      }
    }
    if (!done) throw new UpstreamError('identity selection stream ended before its done line');
  }
}
