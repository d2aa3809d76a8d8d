import { isPlainAddress } from './mailer';

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
