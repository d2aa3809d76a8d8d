import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { CohortClaims } from '@cohort/auth';
import type { JobStatus } from '@cohort/contracts';
import { GATEWAY_CONFIG, GatewayConfig } from '../../gateway.config';
import { OrchestratorClient } from '../../upstream/orchestrator.client';
import { JobEventsHub, JobScopedEvent } from './job-events.hub';
import { SseConnection } from './sse-connection';

const FINAL: ReadonlySet<string> = new Set<JobStatus | JobScopedEvent['type']>(['completed', 'failed', 'cancelled']);

/**
 * `GET /v1/batch-jobs/:id/events`: a `snapshot` event with the job as the orchestrator has it, then
 * each of the job's events as it arrives (event name = type), ending after the job finishes. The
 * snapshot fetch is also the tenant check (404 passes through before the stream starts).
 */
@Injectable()
export class JobEventsStream implements BeforeApplicationShutdown {
  private readonly connections = new Set<SseConnection>();

  constructor(
    private readonly hub: JobEventsHub,
    private readonly orchestrator: OrchestratorClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async open(caller: CohortClaims, jobId: string, req: Request, res: Response): Promise<void> {
    // subscribe first and hold events back, so none is lost between the snapshot and going live
    const early: JobScopedEvent[] = [];
    let deliver: (event: JobScopedEvent) => void = (event) => {
      early.push(event);
    };
    const unsubscribe = this.hub.subscribe(jobId, (event) => event.tenantId === caller.tid && deliver(event));
    try {
      const snapshot = await this.orchestrator.get(caller.tid, jobId);
      if (res.socket === null || res.socket.destroyed) return unsubscribe();
      if (FINAL.has(snapshot.status) && req.headers['last-event-id'] !== undefined) {
        // an EventSource reconnecting after the end: 204 tells it to stop
        unsubscribe();
        res.status(204).end();
        return;
      }
      const connection = this.connect(res, unsubscribe);
      connection.send('snapshot', snapshot, `snapshot-${jobId}`);
      if (FINAL.has(snapshot.status)) return connection.end();
      deliver = (event) => forward(connection, event);
      for (const event of early) forward(connection, event);
    } catch (err) {
      unsubscribe();
      throw err;
    }
  }

  private connect(res: Response, unsubscribe: () => void): SseConnection {
    const connection = new SseConnection(res, this.config.sseHeartbeatMs, () => {
      unsubscribe();
      this.connections.delete(connection);
    });
    this.connections.add(connection);
    return connection;
  }

  /** Open streams never end on their own: end them so the server can close (clients reconnect elsewhere). */
  beforeApplicationShutdown(): void {
    for (const connection of [...this.connections]) {
      connection.comment('server shutting down');
      connection.end();
    }
  }
}

function forward(connection: SseConnection, event: JobScopedEvent): void {
  if (!connection.open) return;
  connection.send(event.type, event, event.eventId);
  if (FINAL.has(event.type)) connection.end();
}
