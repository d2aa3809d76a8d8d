import { decideStored, tokenMailOf } from './token-mail.decision';

const good = { kind: 'invitation', email: 'a@x.test', name: 'A', language: 'nl', token: 't.s' };

describe('tokenMailOf', () => {
  it('takes a TokenMail of the expected kind', () => {
    expect(tokenMailOf(good, 'invitation')).toEqual({ mail: good });
  });

  it('refuses missing data, a missing field, the other kind or an address without @, naming the field', () => {
    expect(tokenMailOf(undefined, 'invitation')).toEqual({ problem: expect.stringContaining('data.(all)') });
    expect(tokenMailOf({ ...good, token: undefined }, 'invitation')).toEqual({ problem: expect.stringContaining('data.token') });
    expect(tokenMailOf(good, 'password-reset')).toEqual({ problem: expect.stringContaining('data.kind: invitation, expected password-reset') });
    expect(tokenMailOf({ ...good, email: 'nobody' }, 'invitation')).toEqual({ problem: expect.stringContaining('data.email') });
  });
});

describe('decideStored', () => {
  it('sent → succeeded without data; held → skipped; failed → the stored refusal; pending → send', () => {
    expect(decideStored('u', { status: 'sent', error: null })).toEqual({ userId: 'u', status: 'succeeded' });
    expect(decideStored('u', { status: 'held', error: null })).toMatchObject({ status: 'skipped', code: 'COMMUNICATIONS.MESSAGE_HELD' });
    expect(decideStored('u', { status: 'failed', error: 'SMTP: 550 no such user' })).toEqual({
      userId: 'u',
      status: 'failed',
      code: 'COMMUNICATIONS.MAIL_REFUSED',
      message: 'SMTP: 550 no such user',
      retryable: false,
    });
    expect(decideStored('u', { status: 'pending', error: 'SMTP: 451' })).toBe('send');
  });
});
