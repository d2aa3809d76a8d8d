import { enrolment, testLearner, testPerson, testRunner, testWork } from '../test-learning';
import { SetParticipationStatus, SetParticipationStatusHandler } from './set-participation-status.handler';

describe('SetParticipationStatusHandler', () => {
  it('records the status once with a completion; a dry run writes nothing', async () => {
    const { runner, learners } = testRunner(
      [testPerson('u1'), testPerson('u2')],
      [testLearner('u1', { enrolments: [enrolment('c1', 'in-progress')] })],
    );
    const handler = new SetParticipationStatusHandler(runner);
    const work = testWork('set-participation-status', { courseId: 'c1', status: 'passed' }, ['u1', 'u2']);
    expect(await handler.execute(new SetParticipationStatus(work, true))).toEqual([
      { userId: 'u1', status: 'succeeded', before: 'in-progress', data: { after: 'passed' } }, // the preview shows status → status
      expect.objectContaining({ userId: 'u2', status: 'skipped', code: 'LEARNING.NOT_ENROLLED', before: null }),
    ]);
    expect(learners.batches).toEqual([]);
    const first = await handler.execute(new SetParticipationStatus(work));
    expect(first.map((o) => o.code ?? o.before)).toEqual([{ status: 'in-progress', completedAt: null }, 'LEARNING.NOT_ENROLLED']);
    expect(await handler.execute(new SetParticipationStatus(work))).toEqual(first);
    expect(learners.store.get('u1')?.enrolments[0]).toMatchObject({ status: 'passed', completedAt: expect.any(Date) });
    expect(learners.batches).toHaveLength(1);
  });

  it('bad params fail everyone naming the field', async () => {
    const { runner } = testRunner([testPerson('u1')]);
    const [outcome] = await new SetParticipationStatusHandler(runner).execute(
      new SetParticipationStatus(testWork('set-participation-status', { courseId: 'c1', status: 'completed' })),
    );
    expect(outcome).toMatchObject({ code: 'LEARNING.INVALID_PARAMS', message: expect.stringMatching(/^params\.status: /) });
  });
});
