import { WorkChunk } from '@cohort/contracts';
import { IdentityUnavailableError } from '../../notifications/identity-people.client';
import { personView } from '../../notifications/fake-notifications';
import { copySettled, decideRecipient, newNotification } from './send-notification.decision';

const work = { tenantId: 't', jobId: 'j1', step: 1 } as WorkChunk;
const params = { subject: 'Hi', body: 'Read this', email: true };

describe('decideRecipient', () => {
  it('delivers to an active person now and waits for an invited one', () => {
    expect(decideRecipient('a', personView('a'))).toMatchObject({ kind: 'deliver' });
    expect(decideRecipient('i', personView('i', { status: 'invited' }))).toMatchObject({ kind: 'wait' });
  });

  it('skips people who do not sign in, saying so', () => {
    for (const status of ['deactivated', 'archived', 'pending-deletion'] as const) {
      expect(decideRecipient('d', personView('d', { status }))).toEqual({
        kind: 'outcome',
        outcome: {
          userId: 'd',
          status: 'skipped',
          code: 'COMMUNICATIONS.NOT_REACHABLE',
          message: `the person is ${status}: they do not sign in, so no notification reaches them`,
        },
      });
    }
  });

  it('fails an unknown person for good and an unanswered look-up retryably', () => {
    expect(decideRecipient('x', null)).toMatchObject({ outcome: { status: 'failed', code: 'COMMUNICATIONS.NOT_FOUND', retryable: false } });
    expect(decideRecipient('x', new IdentityUnavailableError('identity: down'))).toMatchObject({
      outcome: { status: 'failed', code: 'COMMUNICATIONS.IDENTITY_UNAVAILABLE', message: 'identity: down', retryable: true },
    });
  });
});

describe('newNotification', () => {
  const now = new Date('2025-05-01T00:00:00Z');

  it('is one document per (job, person), delivered now for an active person, its copy sent by the step', () => {
    expect(newNotification(work, 'a', params, true, now)).toEqual({
      _id: 't:j1:a',
      tenantId: 't',
      userId: 'a',
      jobId: 'j1',
      step: 1,
      subject: 'Hi',
      body: 'Read this',
      emailCopy: true,
      emailPending: false,
      createdAt: now,
      deliveredAt: now,
      readAt: null,
    });
  });

  it('waits for an invited person, its copy pending until they join', () => {
    expect(newNotification(work, 'i', params, false, now)).toMatchObject({ deliveredAt: null, emailPending: true });
    expect(newNotification(work, 'i', { ...params, email: false }, false, now)).toMatchObject({ emailPending: false });
  });
});

describe('copySettled', () => {
  it('sent, held or refused ends the matter; a transient failure does not', () => {
    expect(copySettled({ userId: 'a', status: 'succeeded' })).toBe(true);
    expect(copySettled({ userId: 'a', status: 'skipped', code: 'COMMUNICATIONS.MESSAGE_HELD' })).toBe(true);
    expect(copySettled({ userId: 'a', status: 'failed', retryable: false })).toBe(true);
    expect(copySettled({ userId: 'a', status: 'failed', retryable: true })).toBe(false);
  });
});
