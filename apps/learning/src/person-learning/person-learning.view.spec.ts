import { PersonLearning } from '@cohort/contracts';
import { course, enrolment, NOW, testLearner } from '../actions/test-learning';
import { courseView, personLearningView } from './person-learning.view';

describe('personLearningView', () => {
  it('dates as ISO strings, certificates newest first; fits the contract', () => {
    const learner = testLearner('u1', {
      enrolments: [enrolment('c1', 'passed', { deadline: new Date('2030-02-01T00:00:00Z'), source: 'auto', history: [] })],
      tasks: [{ taskId: 't1', title: 'Read', status: 'open', createdAt: NOW, jobId: 'j', dueDate: '2030-02-01' }],
      eventEnrolments: [{ eventId: 'e1', title: 'Meetup', startsAt: NOW }],
      contentShares: [{ kind: 'channel', id: 'ch1', sharedAt: NOW }],
    });
    const cert = (certificateId: string, issuedAt: Date) => ({ certificateId, title: certificateId, verificationCode: 'ABCD', issuedAt });
    const view = personLearningView(learner, [cert('old', new Date('2029-01-01T00:00:00Z')), { ...cert('new', NOW), courseId: 'c1' }]);
    expect(view.enrolments).toEqual([
      {
        courseId: 'c1',
        status: 'passed',
        attempt: 1,
        enrolledAt: expect.any(String),
        completedAt: expect.any(String),
        deadline: '2030-02-01T00:00:00.000Z',
      },
    ]);
    expect(view.tasks).toEqual([{ taskId: 't1', title: 'Read', dueDate: '2030-02-01', status: 'open', createdAt: NOW.toISOString() }]);
    expect(view.certificates.map((c) => c.certificateId)).toEqual(['new', 'old']);
    expect(view.certificates[0]).toEqual({
      certificateId: 'new',
      title: 'new',
      courseId: 'c1',
      verificationCode: 'ABCD',
      issuedAt: NOW.toISOString(),
    });
    expect(view.eventEnrolments).toEqual([{ eventId: 'e1', title: 'Meetup', startsAt: NOW.toISOString() }]);
    expect(view.contentShares).toEqual([{ kind: 'channel', id: 'ch1', sharedAt: NOW.toISOString() }]);
    expect(PersonLearning.strict().safeParse(view).success).toBe(true);
  });

  it('empty lists for someone learning knows nothing about', () => {
    expect(personLearningView(undefined, [])).toEqual({
      enrolments: [],
      withdrawn: [],
      tasks: [],
      certificates: [],
      eventEnrolments: [],
      contentShares: [],
    });
  });

  it('a finished course withdrawn from stays in the history, with when access ended', () => {
    const at = new Date('2026-12-01T00:00:00Z');
    const view = personLearningView(testLearner('u1', { withdrawn: [{ ...enrolment('c1', 'passed'), withdrawnAt: at }] }), []);
    expect(view.enrolments).toEqual([]);
    expect(view.withdrawn).toEqual([expect.objectContaining({ courseId: 'c1', status: 'passed', withdrawnAt: at.toISOString() })]);
  });
});

describe('courseView', () => {
  it('lists a path with its courses', () => {
    expect(courseView(course('p1', 'Path', { kind: 'learning-path', courseIds: ['c1'] }))).toEqual({
      courseId: 'p1',
      title: 'Path',
      kind: 'learning-path',
      courseIds: ['c1'],
    });
    expect(courseView(course('c1', 'One'))).toEqual({ courseId: 'c1', title: 'One', kind: 'course' });
  });
});
