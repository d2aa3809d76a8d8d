import { NOW, testLearner, testPerson, testRunner, testWork } from '../test-learning';
import { RemoveTemporaryData, RemoveTemporaryDataHandler } from './remove-temporary-data.handler';

describe('RemoveTemporaryDataHandler', () => {
  it('clears open tasks and upcoming events of a deactivated person; a second run changes nothing', async () => {
    const learner = testLearner('u1', {
      tasks: [
        { taskId: 't1', title: 'T', status: 'open', createdAt: NOW, jobId: 'j' },
        { taskId: 't2', title: 'T', status: 'done', createdAt: NOW, jobId: 'j' },
      ],
      eventEnrolments: [{ eventId: 'e1', title: 'E', startsAt: new Date(Date.now() + 86_400_000) }],
    });
    const { runner, learners } = testRunner([testPerson('u1', { status: 'deactivated' }), testPerson('u2')], [learner]);
    const handler = new RemoveTemporaryDataHandler(runner);
    const work = testWork('remove-temporary-data', {}, ['u1', 'u2'], { step: 1 });
    expect(await handler.execute(new RemoveTemporaryData(work))).toEqual([
      { userId: 'u1', status: 'succeeded', before: { taskIds: ['t1'], eventIds: ['e1'] } },
      { userId: 'u2', status: 'succeeded' },
    ]);
    expect(learners.store.get('u1')?.tasks.map((t) => t.taskId)).toEqual(['t2']);
    expect(learners.store.get('u1')?.eventEnrolments).toEqual([]);
    await handler.execute(new RemoveTemporaryData(work));
    await handler.execute(new RemoveTemporaryData({ ...work, jobId: 'job2' }));
    expect(learners.batches).toHaveLength(1);
    expect(learners.store.has('u2')).toBe(false);
  });
});
