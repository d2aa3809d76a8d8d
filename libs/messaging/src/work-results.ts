import { Injectable } from '@nestjs/common';
import { ChunkResult, Outcome, TOPICS, WorkChunk } from '@cohort/contracts';
import { KafkaPublisher } from './kafka.publisher';

/** Key of an applied (job, step) on a person's document: what makes a redelivered chunk change nothing twice. */
export function opKey(work: Pick<WorkChunk, 'jobId' | 'step'>): string {
  return `${work.jobId}:${work.step}`;
}

/** Publishes the per-person outcomes of a work chunk to `cohort.batch.results.v1`, keyed by job. */
@Injectable()
export class WorkResultsPublisher {
  constructor(private readonly publisher: KafkaPublisher) {}

  async publish(service: string, work: Pick<WorkChunk, 'jobId' | 'step' | 'chunk' | 'attempt' | 'tenantId'>, outcomes: Outcome[]): Promise<void> {
    const result: ChunkResult = { jobId: work.jobId, step: work.step, chunk: work.chunk, attempt: work.attempt, service, outcomes };
    await this.publisher.publish(TOPICS.results, [{ key: work.jobId, value: result, tenantId: work.tenantId, correlationId: work.jobId }]);
  }
}

/** Every person of the chunk failed with the same code (unknown action, bad parameters). */
export function failAll(work: WorkChunk, code: string, message: string): Outcome[] {
  return work.userIds.map((userId) => ({ userId, status: 'failed', code, message, retryable: false }));
}
