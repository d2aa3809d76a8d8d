import { PersonView } from '@cohort/contracts';
import { IdentityUnavailableError } from '../../notifications/identity-people.client';
import { decideLearningRecipient, learningMailLink, learningMailOf, learningMailVars } from './learning-mail.decision';

const URL = 'https://cohort.example';
const person = (status: PersonView['status']) => ({ userId: 'u', name: 'Uma', email: 'u@x.test', language: 'nl', status }) as PersonView;

describe('learningMailOf', () => {
  it('takes a LearningMail of the expected kind', () => {
    const mail = { kind: 'task-assigned', taskTitle: 'Read the handbook', dueDate: '2030-01-31' };
    expect(learningMailOf(mail, 'task-assigned')).toEqual({ mail });
  });

  it('refuses missing data, a missing or bad field, or the other kind, naming the field', () => {
    expect(learningMailOf(undefined, 'enrolled')).toEqual({ problem: expect.stringContaining('data.') });
    expect(learningMailOf({ kind: 'enrolled', courseTitles: [] }, 'enrolled')).toEqual({ problem: expect.stringContaining('data.courseTitles') });
    expect(learningMailOf({ kind: 'enrolled', courseTitles: ['A'], link: '//evil.test/x' }, 'enrolled')).toEqual({
      problem: expect.stringContaining('data.link'),
    });
    expect(learningMailOf({ kind: 'task-assigned', taskTitle: 'T', dueDate: 'soon' }, 'task-assigned')).toEqual({
      problem: expect.stringContaining('data.dueDate'),
    });
    expect(learningMailOf({ kind: 'certificate-awarded', courseTitle: 'C' }, 'certificate-awarded')).toEqual({
      problem: expect.stringContaining('data.certificateId'),
    });
    expect(learningMailOf({ kind: 'enrolled', courseTitles: ['A'] }, 'task-assigned')).toEqual({
      problem: expect.stringContaining('data.kind: enrolled, expected task-assigned'),
    });
  });
});

describe('learningMailLink and learningMailVars', () => {
  it('links enrolled to the courses (or the given page), a task to the tasks, a certificate to its page', () => {
    expect(learningMailLink(URL, { kind: 'enrolled', courseTitles: ['A'] })).toBe(`${URL}/console/#/courses`);
    expect(learningMailLink(URL, { kind: 'enrolled', courseTitles: ['A'], link: '/console/#/courses/c-1' })).toBe(`${URL}/console/#/courses/c-1`);
    expect(learningMailLink(URL, { kind: 'task-assigned', taskTitle: 'T' })).toBe(`${URL}/console/#/tasks`);
    expect(learningMailLink(URL, { kind: 'certificate-awarded', courseTitle: 'C', certificateId: 'cert-9' })).toBe(
      `${URL}/console/#/certificates/cert-9`,
    );
  });

  it('gives each kind its template variables', () => {
    expect(learningMailVars({ kind: 'enrolled', courseTitles: ['A', 'B'] }, 'Uma', 'L')).toEqual({
      name: 'Uma',
      courseTitles: ['A', 'B'],
      link: 'L',
    });
    expect(learningMailVars({ kind: 'task-assigned', taskTitle: 'T', dueDate: '2030-01-31' }, 'Uma', 'L')).toEqual({
      name: 'Uma',
      taskTitle: 'T',
      dueDate: '2030-01-31',
      link: 'L',
    });
    expect(learningMailVars({ kind: 'certificate-awarded', courseTitle: 'C', certificateId: 'x' }, 'Uma', 'L')).toEqual({
      name: 'Uma',
      courseTitle: 'C',
      link: 'L',
    });
  });
});

describe('decideLearningRecipient', () => {
  it('an active person gets the e-mail', () => {
    expect(decideLearningRecipient('u', person('active'))).toEqual({ person: person('active') });
  });

  it('anyone not signing in is skipped NOT_REACHABLE; unknown → NOT_FOUND; identity unavailable → retryable', () => {
    for (const status of ['invited', 'deactivated', 'archived'] as const) {
      expect(decideLearningRecipient('u', person(status))).toEqual({
        outcome: expect.objectContaining({ userId: 'u', status: 'skipped', code: 'COMMUNICATIONS.NOT_REACHABLE' }),
      });
    }
    expect(decideLearningRecipient('u', null)).toEqual({
      outcome: { userId: 'u', status: 'failed', code: 'COMMUNICATIONS.NOT_FOUND', message: 'person not found', retryable: false },
    });
    expect(decideLearningRecipient('u', new IdentityUnavailableError('identity: ECONNREFUSED'))).toEqual({
      outcome: { userId: 'u', status: 'failed', code: 'COMMUNICATIONS.IDENTITY_UNAVAILABLE', message: 'identity: ECONNREFUSED', retryable: true },
    });
  });
});
