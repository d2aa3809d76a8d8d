import { catalogueOf, course, daysAgo, enrolment, NOW, subject, testLearner } from '../test-learning';
import { autoEnrolRequest, decideAutoEnrol } from './auto-enrol.decision';

const catalogue = catalogueOf(course('c1'), course('c2'), course('c3'), course('p1', 'Path', { kind: 'learning-path', courseIds: ['c3'] }));
const request = (...courseIds: string[]) => ({ courseIds });

describe('autoEnrolRequest', () => {
  it('reads data.autoEnrol.courseIds (each once); no data or no targets is no course', () => {
    expect(autoEnrolRequest({ autoEnrol: { courseIds: ['c1', 'c1', 'c2'], groupIds: ['g1'] } })).toEqual({ courseIds: ['c1', 'c2'] });
    expect(autoEnrolRequest(undefined)).toEqual({ courseIds: [] });
    expect(autoEnrolRequest({ autoEnrol: { courseIds: [] } })).toEqual({ courseIds: [] });
  });

  it('names what is wrong with malformed data', () => {
    expect(autoEnrolRequest({ autoEnrol: { courseIds: 'c1' } })).toEqual({ problem: expect.stringMatching(/^data\.autoEnrol\.courseIds: /) });
  });
});

describe('decideAutoEnrol', () => {
  it('enrols in courses finished before as a new attempt (history kept), new courses at attempt 1, leaves open ones', () => {
    const passed = enrolment('c1', 'passed', { enrolledAt: daysAgo(90), completedAt: daysAgo(60), deadline: daysAgo(70) });
    const learner = testLearner('u1', { enrolments: [passed, enrolment('c2', 'in-progress')] });
    const d = decideAutoEnrol(subject('u1', { key: 'job1:1', learner }), request('c1', 'c2', 'c3'), catalogue, NOW);
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['c1', 'c3'] });
    expect(d.change?.op).toEqual({ k: 'job1:1', b: ['c1', 'c3'] });
    expect(d.change?.update).toEqual({
      $set: {
        enrolments: [
          {
            courseId: 'c1',
            status: 'enrolled',
            attempt: 2,
            enrolledAt: NOW,
            deadline: daysAgo(70),
            source: 'auto',
            history: [{ attempt: 1, status: 'passed', enrolledAt: daysAgo(90), completedAt: daysAgo(60) }],
          },
          enrolment('c2', 'in-progress'),
          { courseId: 'c3', status: 'enrolled', attempt: 1, enrolledAt: NOW, source: 'auto' },
        ],
      },
    });
  });

  it('only new courses: appended', () => {
    const d = decideAutoEnrol(subject('u1'), request('p1'), catalogue, NOW);
    expect(d.outcome.before).toEqual(['p1', 'c3']);
    expect(d.change?.update).toEqual({
      $push: { enrolments: { $each: [expect.objectContaining({ courseId: 'p1' }), expect.objectContaining({ courseId: 'c3' })] } },
    });
  });

  it('no targets, or only open enrolments: succeeded without a change', () => {
    const none = decideAutoEnrol(subject('u1'), request(), catalogue, NOW);
    expect(none.outcome).toEqual({ userId: 'u1', status: 'succeeded' });
    expect(none.change).toBeUndefined();
    const learner = testLearner('u1', { enrolments: [enrolment('c1', 'enrolled')] });
    expect(decideAutoEnrol(subject('u1', { learner }), request('c1'), catalogue, NOW).change).toBeUndefined();
  });

  it('an unknown course fails the person (not retryable), naming it', () => {
    expect(decideAutoEnrol(subject('u1'), request('c1', 'c-retired'), catalogue, NOW).outcome).toEqual({
      userId: 'u1',
      status: 'failed',
      code: 'LEARNING.COURSE_NOT_FOUND',
      message: 'course c-retired not found',
      retryable: false,
    });
  });

  it('malformed step data fails the person INVALID_PARAMS', () => {
    expect(decideAutoEnrol(subject('u1'), { problem: 'data.autoEnrol.courseIds: bad' }, catalogue, NOW).outcome).toMatchObject({
      code: 'LEARNING.INVALID_PARAMS',
      message: 'data.autoEnrol.courseIds: bad',
    });
  });

  it('fails someone identity does not know; a redelivery is the same success without a write', () => {
    expect(decideAutoEnrol(subject('u9', { person: null }), request('c1'), catalogue, NOW).outcome.code).toBe('LEARNING.NOT_FOUND');
    const learner = testLearner('u1', { enrolments: [enrolment('c1', 'enrolled', { attempt: 2 })], ops: [{ k: 'job1:0', b: ['c1'] }] });
    const d = decideAutoEnrol(subject('u1', { learner }), request('c1'), catalogue, NOW);
    expect(d).toMatchObject({ outcome: { status: 'succeeded', before: ['c1'] }, replayed: true });
    expect(d.change).toBeUndefined();
  });
});
