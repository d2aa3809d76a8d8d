import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ItemCounts, JobEvent, Reason, TOPICS } from '@cohort/contracts';
import { KafkaPublisher } from '@cohort/messaging';
import { Job } from '../jobs/job.schema';

type Ended = 'completed' | 'failed' | 'cancelled';

/** Publishes the job lifecycle on `cohort.batch.events.v1`, keyed by job id (command id for rejections). */
@Injectable()
export class JobEventsPublisher {
  constructor(private readonly kafka: KafkaPublisher) {}

  private async send(key: string, event: JobEvent, tenantId?: string): Promise<void> {
    await this.kafka.publish(TOPICS.events, [{ key, value: event, tenantId, correlationId: key }]);
  }

  private envelope() {
    return { eventId: randomUUID(), at: new Date().toISOString() };
  }

  accepted(job: Job): Promise<void> {
    const total = job.resolved && job.total !== null ? { total: job.total } : {};
    return this.send(
      job._id,
      { type: 'accepted', ...this.envelope(), jobId: job._id, commandId: job.commandId, tenantId: job.tenantId, action: job.action, ...total },
      job.tenantId,
    );
  }

  rejected(reason: Reason, commandId?: string, tenantId?: string): Promise<void> {
    const event: JobEvent = { type: 'rejected', ...this.envelope(), reason, ...(commandId && { commandId }), ...(tenantId && { tenantId }) };
    return this.send(commandId ?? tenantId ?? 'unknown', event, tenantId);
  }

  progress(job: Job, counts: ItemCounts, total: number, ratePerSecond: number, etaSeconds: number | null): Promise<void> {
    return this.send(
      job._id,
      { type: 'progress', ...this.envelope(), jobId: job._id, tenantId: job.tenantId, counts, total, ratePerSecond, etaSeconds },
      job.tenantId,
    );
  }

  ended(type: Ended, job: Job, counts: ItemCounts, total: number, reason?: Reason): Promise<void> {
    const base = { ...this.envelope(), jobId: job._id, tenantId: job.tenantId, counts, total, finishedAt: new Date().toISOString() };
    const event: JobEvent = type === 'failed' ? { type, ...base, ...(reason && { reason }) } : { type, ...base };
    return this.send(job._id, event, job.tenantId);
  }
}
