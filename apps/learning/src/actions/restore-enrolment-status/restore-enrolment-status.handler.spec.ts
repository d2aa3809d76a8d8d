import { enrolment, testLearner, testPerson, testRunner, testWork } from '../test-learning';
import { SetParticipationStatus, SetParticipationStatusHandler } from '../set-participation-status/set-participation-status.handler';
import { RestoreEnrolmentStatus, RestoreEnrolmentStatusHandler } from './restore-enrolment-status.handler';

describe('RestoreEnrolmentStatusHandler', () => {
  it.each([
    ['in progress', enrolment('c1', 'in-progress')],
    ['undecided without a completion', enrolment('c1', 'undecided', { completedAt: undefined })],
  ])('undoes set-participation-status exactly: %s', async (_, original) => {
    const { runner, learners } = testRunner([testPerson('u1')], [testLearner('u1', { enrolments: [original] })]);
    const [set] = await new SetParticipationStatusHandler(runner).execute(
      new SetParticipationStatus(testWork('set-participation-status', { courseId: 'c1', status: 'failed' })),
    );
    const undo = testWork('restore-enrolment-status', { courseId: 'c1', ...(set.before as object) }, ['u1'], { jobId: 'undo1' });
    expect(await new RestoreEnrolmentStatusHandler(runner).execute(new RestoreEnrolmentStatus(undo))).toEqual([
      { userId: 'u1', status: 'succeeded', before: 'failed' },
    ]);
    expect(learners.store.get('u1')?.enrolments).toEqual([original]);
  });

  it('validates its own params', async () => {
    const { runner } = testRunner([testPerson('u1')]);
    const [outcome] = await new RestoreEnrolmentStatusHandler(runner).execute(
      new RestoreEnrolmentStatus(testWork('restore-enrolment-status', { courseId: 'c1', status: 'done' })),
    );
    expect(outcome).toMatchObject({ code: 'LEARNING.INVALID_PARAMS', message: expect.stringMatching(/^params\.status: /) });
  });
});
