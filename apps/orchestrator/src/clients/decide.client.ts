import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG, ServiceConfig } from '@cohort/common';
import { DecideRequest, DecideResponse, Outcome, ServiceName } from '@cohort/contracts';
import { callJson, UpstreamError } from './upstream';

/** The dry-run route every participant service offers for the preview (`POST /internal/tenants/:t/decide`). */
@Injectable()
export class DecideClient {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  /** Outcomes the step would produce; undefined when the service has no dry run for it yet. */
  async decide(service: ServiceName, tenantId: string, request: DecideRequest): Promise<Outcome[] | undefined> {
    const url = `${this.config.urls[service]}/internal/tenants/${encodeURIComponent(tenantId)}/decide`;
    try {
      const res = await callJson<DecideResponse>(url, request);
      return res?.outcomes;
    } catch (err) {
      // the service is up but cannot dry-run this action (not built yet): the preview says so
      const code = err instanceof UpstreamError ? (err.body as { code?: string } | undefined)?.code : undefined;
      if (code?.endsWith('.UNKNOWN_ACTION')) return undefined;
      throw err;
    }
  }
}
