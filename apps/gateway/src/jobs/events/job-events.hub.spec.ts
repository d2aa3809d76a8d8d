import { Logger } from '@nestjs/common';
import type { JobEvent } from '@cohort/contracts';
import { JobEventsHub, JobScopedEvent } from './job-events.hub';

const counts = { pending: 0, running: 0, succeeded: 1, skipped: 0, failed: 0, cancelled: 0 };
const progress = (jobId: string): JobScopedEvent => ({
  type: 'progress',
  eventId: `e-${jobId}`,
  at: '2025-01-01T00:00:00Z',
  jobId,
  tenantId: 'acme',
  counts,
  total: 1,
  ratePerSecond: 1,
  etaSeconds: 0,
});

describe('JobEventsHub', () => {
  it("delivers an event to its job's listeners only", () => {
    const hub = new JobEventsHub();
    const a: JobEvent[] = [];
    const b: JobEvent[] = [];
    hub.subscribe('j-a', (e) => a.push(e));
    hub.subscribe('j-a', (e) => a.push(e));
    hub.subscribe('j-b', (e) => b.push(e));
    hub.publish(progress('j-a'));
    expect(a).toHaveLength(2);
    expect(b).toHaveLength(0);
  });

  it('stops delivering after unsubscribe and forgets jobs nobody follows', () => {
    const hub = new JobEventsHub();
    const got: JobEvent[] = [];
    const stop = hub.subscribe('j-a', (e) => got.push(e));
    expect(hub.listenerCount).toBe(1);
    stop();
    stop();
    hub.publish(progress('j-a'));
    expect(got).toHaveLength(0);
    expect(hub.listenerCount).toBe(0);
  });

  it('ignores rejected commands (no job) and keeps going when one listener throws', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const hub = new JobEventsHub();
    const got: JobEvent[] = [];
    hub.subscribe('j-a', () => {
      throw new Error('broken connection');
    });
    hub.subscribe('j-a', (e) => got.push(e));
    hub.publish({ type: 'rejected', eventId: 'r', at: '2025-01-01T00:00:00Z', reason: { code: 'COMMAND.INVALID', message: 'x' } });
    hub.publish(progress('j-a'));
    expect(got).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ msg: 'job event listener failed', jobId: 'j-a' }));
    warn.mockRestore();
  });
});
