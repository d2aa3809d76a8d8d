import { TokenMail } from '@cohort/contracts';
import { renderTokenMail, templateLanguage } from './token-mail.templates';

const LINK = 'https://cohort.example/console/#/invitation/abc.def';
const mail = (over: Partial<TokenMail> = {}): TokenMail => ({
  kind: 'invitation',
  email: 'ivy@x.test',
  name: 'Ivy',
  language: 'en',
  token: 'abc.def',
  ...over,
});

describe('token-mail templates', () => {
  it('an English invitation names the person and carries the link in text and HTML', () => {
    const r = renderTokenMail(mail(), LINK);
    expect(r).toMatchObject({ language: 'en', subject: 'You are invited to Cohort' });
    expect(r.text).toContain('Hello Ivy,');
    expect(r.text).toContain(`\n${LINK}\n`);
    expect(r.html).toContain('<html lang="en">');
    expect(r.html).toContain('Hello Ivy,');
    expect(r.html).toContain('href="https://cohort.example/console/#/invitation/abc.def"');
  });

  it('a Dutch invitation is in Dutch, also for a regional tag', () => {
    for (const language of ['nl', 'nl-BE', 'NL_nl']) {
      const r = renderTokenMail(mail({ language }), LINK);
      expect(r).toMatchObject({ language: 'nl', subject: 'Je bent uitgenodigd voor Cohort' });
      expect(r.text).toContain('Hallo Ivy,');
      expect(r.text).toContain(LINK);
      expect(r.html).toContain('Uitnodiging accepteren');
    }
  });

  it('a language without templates falls back to English', () => {
    expect(templateLanguage('invitation', 'fr')).toBe('en');
    expect(renderTokenMail(mail({ language: 'de-AT' }), LINK)).toMatchObject({ language: 'en', subject: 'You are invited to Cohort' });
  });

  it("a password reset says until when the link works, in the reader's language", () => {
    const link = 'https://cohort.example/console/#/password-reset/abc.def';
    const base = { kind: 'password-reset' as const, expiresAt: '2025-03-04T05:06:00.000Z' };
    const en = renderTokenMail(mail({ ...base, name: 'Pat' }), link);
    expect(en.subject).toBe('Reset your Cohort password');
    expect(en.text).toContain('Hello Pat,');
    expect(en.text).toContain(link);
    expect(en.text).toMatch(/This link works until March 4, 2025.*5:06.* UTC\./);
    const nl = renderTokenMail(mail({ ...base, name: 'Pat', language: 'nl' }), link);
    expect(nl.subject).toBe('Stel een nieuw wachtwoord in voor Cohort');
    expect(nl.text).toContain('Hallo Pat,');
    expect(nl.text).toMatch(/Deze link werkt tot 4 maart 2025.*05:06 UTC\./);
    expect(renderTokenMail(mail({ kind: 'password-reset' }), link).text).not.toContain('works until');
  });

  it('HTML escapes the name; the plain-text parts keep it as written', () => {
    const r = renderTokenMail(mail({ name: 'Bo <b>&</b> "Co"' }), LINK);
    expect(r.html).toContain('Hello Bo &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot;,');
    expect(r.text).toContain('Hello Bo <b>&</b> "Co",');
  });
});
