import { courseTargets } from '../../catalogue/catalogue';
import { catalogueOf, course, enrolment, NOW, subject, testLearner, testPerson } from '../test-learning';
import { decideEnrol, EnrolContext } from './enrol.decision';

const catalogue = catalogueOf(
  course('c1', 'Safety'),
  course('c2', 'First aid'),
  course('c3', 'Fire drill'),
  course('p1', 'Onboarding path', { kind: 'learning-path', courseIds: ['c2', 'c3'] }),
);
const ctx = (requested: string[]): EnrolContext => ({ requested, targets: courseTargets(requested, catalogue), catalogue, now: NOW });

describe('decideEnrol', () => {
  it('enrols in each course not enrolled yet: attempt 1, manual; before = the new course ids; data = the e-mail step’s LearningMail', () => {
    const d = decideEnrol(subject('u1', { learner: testLearner('u1', { enrolments: [enrolment('c2', 'in-progress')] }) }), ctx(['c1', 'c2']));
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['c1'], data: { kind: 'enrolled', courseTitles: ['Safety'] } });
    expect(d.change).toEqual({
      userId: 'u1',
      update: { $push: { enrolments: { $each: [{ courseId: 'c1', status: 'enrolled', attempt: 1, enrolledAt: NOW, source: 'manual' }] } } },
      op: { k: 'job1:0', b: ['c1'] },
    });
    expect(d.preview).toEqual({ before: ['c2'], after: ['c2', 'c1'] });
  });

  it('a learning path enrols in the path itself and each of its courses; the e-mail names the path', () => {
    const d = decideEnrol(subject('u1'), ctx(['p1']));
    expect(d.outcome).toMatchObject({
      status: 'succeeded',
      before: ['p1', 'c2', 'c3'],
      data: { kind: 'enrolled', courseTitles: ['Onboarding path'] },
    });
  });

  it('a path enrolled already with one new course still names the path in the e-mail', () => {
    const learner = testLearner('u1', { enrolments: [enrolment('p1', 'in-progress'), enrolment('c2', 'completed')] });
    expect(decideEnrol(subject('u1', { learner }), ctx(['p1'])).outcome).toMatchObject({
      before: ['c3'],
      data: { courseTitles: ['Onboarding path'] },
    });
  });

  it('skips someone enrolled in every course already, open or finished', () => {
    const learner = testLearner('u1', { enrolments: [enrolment('c1', 'enrolled'), enrolment('c2', 'passed')] });
    const d = decideEnrol(subject('u1', { learner }), ctx(['c1', 'c2']));
    expect(d.outcome).toEqual({ userId: 'u1', status: 'skipped', code: 'LEARNING.ALREADY_ENROLLED', message: 'enrolled in every course already' });
    expect(d.change).toBeUndefined();
  });

  it('skips ALREADY_COMPLETED when every course is finished (retake-course is the way back)', () => {
    const learner = testLearner('u1', { enrolments: [enrolment('c1', 'completed'), enrolment('c2', 'failed')] });
    expect(decideEnrol(subject('u1', { learner }), ctx(['c1', 'c2'])).outcome.code).toBe('LEARNING.ALREADY_COMPLETED');
  });

  it('an unknown course fails the person, naming the id (also one inside a path)', () => {
    expect(decideEnrol(subject('u1'), ctx(['c1', 'nope'])).outcome).toEqual({
      userId: 'u1',
      status: 'failed',
      code: 'LEARNING.COURSE_NOT_FOUND',
      message: 'course nope not found',
      retryable: false,
    });
    const broken = catalogueOf(course('p9', 'Path', { kind: 'series', courseIds: ['gone'] }));
    const d = decideEnrol(subject('u1'), { requested: ['p9'], targets: courseTargets(['p9'], broken), catalogue: broken, now: NOW });
    expect(d.outcome).toMatchObject({ code: 'LEARNING.COURSE_NOT_FOUND', message: 'course gone of series p9 not found' });
  });

  it.each(['deactivated', 'archived', 'pending-deletion'] as const)('skips a %s person', (status) => {
    const d = decideEnrol(subject('u1', { person: testPerson('u1', { status }) }), ctx(['c1']));
    expect(d.outcome).toMatchObject({ status: 'skipped', code: 'LEARNING.PERSON_INACTIVE' });
  });

  it('enrols an invited person', () => {
    expect(decideEnrol(subject('u1', { person: testPerson('u1', { status: 'invited' }) }), ctx(['c1'])).outcome.status).toBe('succeeded');
  });

  it('fails someone identity does not know', () => {
    expect(decideEnrol(subject('u9', { person: null }), ctx(['c1'])).outcome).toMatchObject({ status: 'failed', code: 'LEARNING.NOT_FOUND' });
  });

  it('a redelivery returns the same outcome and e-mail data, and writes nothing', () => {
    const learner = testLearner('u1', {
      enrolments: [enrolment('p1', 'enrolled'), enrolment('c2', 'enrolled')],
      ops: [{ k: 'job1:0', b: ['p1', 'c2'] }],
    });
    const d = decideEnrol(subject('u1', { learner }), ctx(['p1', 'c1']));
    expect(d.outcome).toEqual({
      userId: 'u1',
      status: 'succeeded',
      before: ['p1', 'c2'],
      data: { kind: 'enrolled', courseTitles: ['Onboarding path'] },
    });
    expect(d.change).toBeUndefined();
    expect(d.replayed).toBe(true);
  });
});
