import { smtpFailure } from './smtp-failure';

describe('smtpFailure', () => {
  it('no connection, a time-out or a 4xx reply is worth retrying', () => {
    expect(smtpFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ESOCKET' }))).toEqual({
      retryable: true,
      message: 'SMTP: connect ECONNREFUSED 127.0.0.1:1',
    });
    expect(smtpFailure({ code: 'ETIMEDOUT', message: 'Greeting never received' }).retryable).toBe(true);
    expect(smtpFailure({ code: 'EENVELOPE', responseCode: 451, permanent: false, response: '451 try again later' })).toEqual({
      retryable: true,
      message: 'SMTP: 451 try again later',
    });
    expect(smtpFailure({ code: 'EPROTOCOL', responseCode: 503, message: 'bad sequence' }).retryable).toBe(true);
  });

  it('a 5xx refusal of the recipient or message is permanent, with the server reply', () => {
    expect(smtpFailure({ code: 'EENVELOPE', responseCode: 550, permanent: true, response: '550 5.1.1 no such user' })).toEqual({
      retryable: false,
      message: 'SMTP: 550 5.1.1 no such user',
    });
    expect(smtpFailure({ code: 'EMESSAGE', responseCode: 552, message: 'too big' }).retryable).toBe(false);
    expect(smtpFailure({ code: 'EENVELOPE', message: 'No recipients defined' }).retryable).toBe(false);
  });

  it('a refused login is our configuration, not the recipient: retryable', () => {
    expect(smtpFailure({ code: 'EAUTH', responseCode: 535, permanent: true, message: 'Invalid login' }).retryable).toBe(true);
  });
});
