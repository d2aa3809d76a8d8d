import { Outcome } from '@cohort/contracts';
import { course, enrolment, fakeCatalogue, testLearner, testPerson, testRunner, testWork } from '../test-learning';
import { Enrol, EnrolHandler } from './enrol.handler';

function setup() {
  const { runner, learners } = testRunner(
    [testPerson('u1'), testPerson('u2'), testPerson('off', { status: 'deactivated' })],
    [testLearner('u2', { enrolments: [enrolment('c1', 'in-progress')] })],
  );
  const catalogue = fakeCatalogue([
    course('c1', 'Safety'),
    course('c2', 'First aid'),
    course('p1', 'Path', { kind: 'learning-path', courseIds: ['c1', 'c2'] }),
  ]);
  return { handler: new EnrolHandler(runner, catalogue), learners };
}

const codes = (outcomes: Outcome[]) => outcomes.map((o) => o.code ?? o.status);

describe('EnrolHandler', () => {
  it('enrols, skips and fails person by person, in one write; a redelivery returns the same and writes nothing', async () => {
    const { handler, learners } = setup();
    const work = testWork('enrol', { courseIds: ['c1'] }, ['u1', 'u2', 'off', 'ghost']);
    const first = await handler.execute(new Enrol(work));
    expect(codes(first)).toEqual(['succeeded', 'LEARNING.ALREADY_ENROLLED', 'LEARNING.PERSON_INACTIVE', 'LEARNING.NOT_FOUND']);
    expect(first[0]).toEqual({ userId: 'u1', status: 'succeeded', before: ['c1'], data: { kind: 'enrolled', courseTitles: ['Safety'] } });
    expect(learners.store.get('u1')?.enrolments).toEqual([
      expect.objectContaining({ courseId: 'c1', status: 'enrolled', attempt: 1, source: 'manual' }),
    ]);
    expect(learners.store.has('off')).toBe(false);

    const again = await handler.execute(new Enrol(work));
    expect(again).toEqual(first);
    expect(learners.batches).toHaveLength(1);
  });

  it('a learning path enrols in the path and its courses', async () => {
    const { handler, learners } = setup();
    await handler.execute(new Enrol(testWork('enrol', { courseIds: ['p1'] }, ['u2'])));
    expect(learners.store.get('u2')?.enrolments.map((e) => `${e.courseId}:${e.status}`)).toEqual(['c1:in-progress', 'p1:enrolled', 'c2:enrolled']);
  });

  it('an unknown course fails everyone, naming it, and writes nothing', async () => {
    const { handler, learners } = setup();
    const outcomes = await handler.execute(new Enrol(testWork('enrol', { courseIds: ['c1', 'c-gone'] }, ['u1', 'u2'])));
    expect(outcomes.map((o) => [o.code, o.message])).toEqual([
      ['LEARNING.COURSE_NOT_FOUND', 'course c-gone not found'],
      ['LEARNING.COURSE_NOT_FOUND', 'course c-gone not found'],
    ]);
    expect(learners.batches).toEqual([]);
  });

  it('a dry run writes nothing and shows before → after', async () => {
    const { handler, learners } = setup();
    const [outcome] = await handler.execute(new Enrol(testWork('enrol', { courseIds: ['c1', 'c2'] }, ['u2']), true));
    expect(outcome).toEqual({
      userId: 'u2',
      status: 'succeeded',
      before: ['c1'],
      data: { kind: 'enrolled', courseTitles: ['First aid'], after: ['c1', 'c2'] },
    });
    expect(learners.batches).toEqual([]);
  });

  it('bad params fail everyone naming the field', async () => {
    const { handler } = setup();
    const [outcome] = await handler.execute(new Enrol(testWork('enrol', { courseIds: [] })));
    expect(outcome).toMatchObject({ status: 'failed', code: 'LEARNING.INVALID_PARAMS', message: expect.stringMatching(/^params\.courseIds: /) });
  });
});
