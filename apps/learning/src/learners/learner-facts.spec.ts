import { enrolment, testLearner } from '../actions/test-learning';
import { learnerFacts } from './learner-facts';

describe('learnerFacts: where a person stands in each course, for the directory filters', () => {
  it('passed, failed, started and not started from the current enrolments; undecided is started, not finished', () => {
    const doc = testLearner('u1', {
      enrolments: [
        enrolment('passed', 'passed'),
        enrolment('done', 'completed'),
        enrolment('failed', 'failed'),
        enrolment('going', 'in-progress'),
        enrolment('waiting', 'undecided'),
        enrolment('new', 'enrolled'),
      ],
    });
    expect(learnerFacts('t', doc, 'now')).toEqual({
      tenantId: 't',
      userId: 'u1',
      courseIds: ['passed', 'done', 'failed', 'going', 'waiting', 'new'],
      completedCourseIds: ['passed', 'done', 'failed'],
      passedCourseIds: ['passed', 'done'],
      failedCourseIds: ['failed'],
      startedCourseIds: ['going', 'waiting'],
      at: 'now',
    });
  });

  it('a finished record withdrawn from stays the person’s result, though they are no longer enrolled', () => {
    const doc = testLearner('u1', {
      enrolments: [enrolment('c2', 'failed')],
      withdrawn: [
        { ...enrolment('c1', 'passed'), withdrawnAt: new Date() },
        { ...enrolment('c2', 'passed'), withdrawnAt: new Date() },
      ],
    });
    const facts = learnerFacts('t', doc, 'now');
    expect(facts.courseIds).toEqual(['c2']);
    expect(facts.passedCourseIds).toEqual(['c1', 'c2']);
    expect(facts.failedCourseIds).toEqual([]); // passed once: not among those who failed it
  });
});
