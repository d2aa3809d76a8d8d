import type { ItemView, JobView } from '../api/types';
import { applyEvent, etaText, groupByReason, percentOf, rateText, valueText } from './progress';

const counts = (c: Partial<JobView['counts']>) => ({ pending: 0, running: 0, succeeded: 0, skipped: 0, failed: 0, cancelled: 0, ...c });
const job = (fields: Partial<JobView>) =>
  ({ status: 'running', total: 10, counts: counts({}), ratePerSecond: 0, etaSeconds: null, ...fields }) as JobView;

describe('job progress', () => {
  it('counts every outcome as done', () => {
    expect(percentOf(job({ counts: counts({ succeeded: 3, skipped: 1, failed: 1, running: 5 }) }))).toBe(50);
    expect(percentOf(job({ total: null }))).toBe(0);
    expect(percentOf(job({ status: 'completed', total: 0 }))).toBe(100);
  });

  it('reads rate and time left like a person would say them', () => {
    expect(rateText(0)).toBe('—');
    expect(rateText(12.34)).toBe('12.3 people/s');
    expect(rateText(1234.5)).toBe('1235 people/s');
    expect(etaText(null)).toBe('unknown');
    expect(etaText(0.2)).toBe('any moment');
    expect(etaText(45)).toBe('about 45 s left');
    expect(etaText(600)).toBe('about 10 min left');
    expect(etaText(7500)).toBe('about 2 h 5 min left');
  });

  it('applies live events to the job', () => {
    const queued = job({ status: 'queued' });
    const progressed = applyEvent(queued, {
      type: 'progress',
      counts: counts({ succeeded: 4, running: 6 }),
      total: 10,
      ratePerSecond: 2,
      etaSeconds: 3,
    });
    expect(progressed).toMatchObject({ status: 'running', total: 10, ratePerSecond: 2, etaSeconds: 3 });
    expect(applyEvent(progressed, { type: 'completed', counts: counts({ succeeded: 10 }), total: 10 })).toMatchObject({
      status: 'completed',
      etaSeconds: 0,
    });
  });

  it('groups failures by reason, largest first', () => {
    const item = (userId: string, code: string, message = 'm'): ItemView => ({ userId, status: 'failed', code, message, attempts: 1 });
    const groups = groupByReason([item('a', 'X.ONE'), item('b', 'X.TWO'), item('c', 'X.TWO'), item('d', 'X.TWO', 'other')]);
    expect(groups.map((g) => [g.code, g.message, g.count, g.userIds])).toEqual([
      ['X.TWO', 'm', 2, ['b', 'c']],
      ['X.ONE', 'm', 1, ['a']],
      ['X.TWO', 'other', 1, ['d']],
    ]);
  });

  it('shows before and after values', () => {
    expect(valueText(undefined)).toBe('—');
    expect(valueText(['a', 'b'])).toBe('a, b');
    expect(valueText({ groupIds: ['g1'] })).toBe('groupIds: g1');
    expect(valueText('nl')).toBe('nl');
  });
});
