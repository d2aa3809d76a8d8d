import { isPlainAddress, messageIdFor } from './mailer';

describe('isPlainAddress', () => {
  it('takes plain addresses', () => {
    for (const ok of ['ann@example.test', 'ann.de.vries+hr@sub.example.nl', "o'neil@example.com"]) expect(isPlainAddress(ok)).toBe(true);
  });

  it('refuses what nodemailer would rewrite into another mailbox, or cannot deliver', () => {
    for (const bad of [
      'no body@x.test',
      ',@x.test',
      ';@x.test',
      '()@x.test',
      'a@b@x.test',
      'a@localhost',
      'rex..refused@x.test',
      '.a@x.test',
      'a.@x.test',
      '"q"@x.test',
      'a@-x.test',
    ])
      expect(isPlainAddress(bad)).toBe(false);
  });
});

describe('messageIdFor', () => {
  it('gives one outbox message the same Message-ID on every send, and another message another one', () => {
    const id = messageIdFor('t:j1:1:a', 'Cohort <no-reply@cohort.local>');
    expect(id).toMatch(/^<[0-9a-f]{40}@cohort\.local>$/);
    expect(messageIdFor('t:j1:1:a', 'Cohort <no-reply@cohort.local>')).toBe(id);
    expect(messageIdFor('t:j1:1:b', 'Cohort <no-reply@cohort.local>')).not.toBe(id);
    expect(messageIdFor('t:j1:1:a', 'no-reply@example.test')).toMatch(/@example\.test>$/);
  });
});
