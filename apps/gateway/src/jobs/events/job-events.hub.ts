import { Injectable, Logger } from '@nestjs/common';
import type { JobEvent } from '@cohort/contracts';

/** A job event that belongs to a job (every type but `rejected`, which only has a command id). */
export type JobScopedEvent = Extract<JobEvent, { jobId: string }>;
export type JobEventListener = (event: JobScopedEvent) => void;

/**
 * Fan-out of job events inside one gateway process: the process's one Kafka consumer publishes
 * each event here, and every SSE connection listens to its job only (a map by job id, so an
 * event costs one lookup whatever the number of connections).
 */
@Injectable()
export class JobEventsHub {
  private readonly logger = new Logger(JobEventsHub.name);
  private readonly listeners = new Map<string, Set<JobEventListener>>();

  /** Listens to one job's events; call the returned function to stop. */
  subscribe(jobId: string, listener: JobEventListener): () => void {
    let set = this.listeners.get(jobId);
    if (!set) this.listeners.set(jobId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(jobId) === set) this.listeners.delete(jobId);
    };
  }

  publish(event: JobEvent): void {
    if (!('jobId' in event)) return;
    for (const listener of [...(this.listeners.get(event.jobId) ?? [])]) {
      try {
        listener(event);
      } catch (err) {
        this.logger.warn({ msg: 'job event listener failed', jobId: event.jobId, err: err instanceof Error ? err.message : String(err) });
      }
    }
  }

  /** Connections listening, over all jobs. */
  get listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
