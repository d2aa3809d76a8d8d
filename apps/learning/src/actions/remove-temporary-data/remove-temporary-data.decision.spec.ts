import { DAY, enrolment, NOW, subject, testLearner } from '../test-learning';
import { Task } from '../../learners/learner';
import { decideRemoveTemporaryData } from './remove-temporary-data.decision';

const task = (taskId: string, status: Task['status']): Task => ({ taskId, title: taskId, status, createdAt: NOW, jobId: 'j' });
const event = (eventId: string, days: number) => ({ eventId, title: eventId, startsAt: new Date(NOW.getTime() + days * DAY) });

describe('decideRemoveTemporaryData', () => {
  it('removes open tasks and upcoming events; keeps enrolments, done tasks and past events', () => {
    const learner = testLearner('u1', {
      enrolments: [enrolment('c1', 'completed')],
      tasks: [task('t-open', 'open'), task('t-done', 'done')],
      eventEnrolments: [event('e-next', 7), event('e-past', -7)],
    });
    const d = decideRemoveTemporaryData(subject('u1', { learner, key: 'job1:1' }), NOW);
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: { taskIds: ['t-open'], eventIds: ['e-next'] } });
    expect(d.change?.update).toEqual({ $set: { tasks: [task('t-done', 'done')], eventEnrolments: [event('e-past', -7)] } });
  });

  it('nothing to remove (or no document): success without a write', () => {
    const d = decideRemoveTemporaryData(subject('u1'), NOW);
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded' });
    expect(d.change).toBeUndefined();
  });

  it('fails the unknown', () => {
    expect(decideRemoveTemporaryData(subject('u9', { person: null }), NOW).outcome.code).toBe('LEARNING.NOT_FOUND');
  });
});
