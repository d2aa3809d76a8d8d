import Handlebars from 'handlebars';
import { compileStrict, paragraphsHtml } from './engine';
import { MAIL_KINDS, MAIL_LANGUAGES, MailKind, MailVars, renderMail, templateLanguage } from './render-mail';

const LINK = 'https://cohort.example/console/#/some/page?x=1&y=2';

/** Sample vars per kind: only the required ones, so an optional one a template forgets to guard shows. */
const SAMPLE: MailVars = {
  invitation: { name: 'Ivy Jansen', link: LINK },
  'password-reset': { name: 'Ivy Jansen', link: LINK, expiresAt: '2025-03-04T05:06:00.000Z' },
  notification: { name: 'Ivy Jansen', subject: 'Team meeting', body: 'See you on Tuesday.\nBring your laptop.', link: LINK },
  'certificate-awarded': { name: 'Ivy Jansen', courseTitle: 'First Aid', link: LINK },
  'task-assigned': { name: 'Ivy Jansen', taskTitle: 'Read chapter 2', link: LINK },
  enrolled: { name: 'Ivy Jansen', courseTitles: ['First Aid'], link: LINK },
  'job-finished': { name: 'Ivy Jansen', actionTitle: 'Invite users', counts: { succeeded: 7, skipped: 2, failed: 1, cancelled: 0 }, link: LINK },
};
/** The link as it appears in HTML (attribute-escaped) and in text (as is). */
const HTML_LINK = LINK.replace(/&/g, '&amp;').replace(/=/g, '&#x3D;');
const TAG = /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i;

describe('renderMail', () => {
  const cases = MAIL_KINDS.flatMap((kind) => MAIL_LANGUAGES.map((language) => [kind, language] as const));

  it.each(cases)('%s in %s renders from its required vars, with the name and the link in HTML and text', (kind, language) => {
    const r = renderMail(kind, language, SAMPLE[kind]);
    expect(r.language).toBe(language);
    expect(r.subject.trim()).not.toBe('');
    expect(r.subject).not.toMatch(/[\r\n]/);
    expect(r.html).toContain(`<html lang="${language}">`);
    expect(r.html).toContain('Ivy Jansen');
    expect(r.html).toContain(`href="${HTML_LINK}"`);
    expect(r.html).toContain('>Cohort</div>'); // the layout's header
    expect(r.text).toContain('Ivy Jansen');
    expect(r.text).toContain(LINK);
    expect(r.text).not.toMatch(TAG);
    expect(r.text).not.toMatch(/&(amp|lt|gt|quot|#x?[0-9a-f]+);/i);
  });

  it('every kind has a subject of its own in each language (a notification carries its own subject)', () => {
    for (const kind of MAIL_KINDS.filter((k) => k !== 'notification')) {
      const subjects = MAIL_LANGUAGES.map((language) => renderMail(kind, language, SAMPLE[kind]).subject);
      expect(new Set(subjects).size).toBe(MAIL_LANGUAGES.length);
    }
    for (const language of MAIL_LANGUAGES) expect(renderMail('notification', language, SAMPLE.notification).subject).toBe('Team meeting');
  });

  it('the shared layout tells in the footer why the reader gets the mail', () => {
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    expect(flat(renderMail('invitation', 'en', SAMPLE.invitation).text)).toContain(
      'You receive this e-mail because this address was invited to Cohort.',
    );
    expect(flat(renderMail('job-finished', 'de', SAMPLE['job-finished']).text)).toContain('weil Sie diese Massenaktion in Cohort gestartet haben.');
  });

  describe('language', () => {
    it('a regional tag uses its base language; a language without templates falls back to English', () => {
      expect(templateLanguage('nl-BE')).toBe('nl');
      expect(templateLanguage('NL_nl')).toBe('nl');
      expect(templateLanguage('fr-CA')).toBe('fr');
      expect(templateLanguage('xx')).toBe('en');
      expect(templateLanguage('')).toBe('en');
      expect(renderMail('invitation', 'nl-BE', SAMPLE.invitation)).toMatchObject({ language: 'nl', subject: 'Je bent uitgenodigd voor Cohort' });
      const xx = renderMail('invitation', 'xx', SAMPLE.invitation);
      expect(xx).toMatchObject({ language: 'en', subject: 'You are invited to Cohort' });
      expect(xx.html).toContain('<html lang="en">');
    });
  });

  describe('the token e-mails keep their copy', () => {
    it('a Dutch invitation', () => {
      const r = renderMail('invitation', 'nl', { name: 'Ivy', link: LINK });
      expect(r.subject).toBe('Je bent uitgenodigd voor Cohort');
      expect(r.text).toContain('Hallo Ivy,');
      expect(r.html).toContain('Uitnodiging accepteren');
    });

    it("a password reset says until when the link works, in the reader's language and UTC", () => {
      const vars = SAMPLE['password-reset'];
      const en = renderMail('password-reset', 'en', vars);
      expect(en.subject).toBe('Reset your Cohort password');
      expect(en.text).toContain('Hello Ivy Jansen,');
      expect(en.text).toMatch(/This link works until March 4, 2025.*5:06.* UTC\./);
      expect(renderMail('password-reset', 'nl', vars).text).toMatch(/Deze link werkt tot 4 maart 2025.*05:06 UTC\./);
      expect(renderMail('password-reset', 'de', vars).text).toMatch(/gültig bis 4\. März 2025.*05:06 UTC\./);
    });
  });

  describe('optional vars', () => {
    it('an invitation names the inviter and the organisation when given', () => {
      const r = renderMail('invitation', 'en', { ...SAMPLE.invitation, inviterName: 'Sam', tenantName: 'Acme Academy' });
      expect(r.text).toContain('Sam has invited you to join Acme Academy on Cohort.');
      expect(renderMail('invitation', 'en', SAMPLE.invitation).text).toContain('You have been invited to join Cohort.');
    });

    it('a task shows its due date in the language only when it has one', () => {
      const due = { ...SAMPLE['task-assigned'], dueDate: '2025-03-04' };
      expect(renderMail('task-assigned', 'en', due).text).toContain('Please complete it by March 4, 2025.');
      expect(renderMail('task-assigned', 'fr', due).text).toContain('d’ici le 4 mars 2025.');
      expect(renderMail('task-assigned', 'en', SAMPLE['task-assigned']).text).not.toContain('complete it by');
    });

    it('an empty name greets without one', () => {
      expect(renderMail('invitation', 'en', { ...SAMPLE.invitation, name: '' }).text).toMatch(/^Hello,$/m);
      expect(renderMail('invitation', 'es', { ...SAMPLE.invitation, name: '' }).text).toMatch(/^Hola:$/m);
    });
  });

  it('enrolment lists every course and counts them in the subject', () => {
    const r = renderMail('enrolled', 'nl', { ...SAMPLE.enrolled, courseTitles: ['First Aid', 'Fire Safety'] });
    expect(r.subject).toBe('Je bent ingeschreven voor 2 cursussen');
    expect(r.text).toContain(' * First Aid');
    expect(r.text).toContain(' * Fire Safety');
    expect(renderMail('enrolled', 'nl', SAMPLE.enrolled).subject).toBe('Je bent ingeschreven voor First Aid');
  });

  it('a finished job reports its counts', () => {
    const text = renderMail('job-finished', 'en', SAMPLE['job-finished']).text;
    for (const line of ['Succeeded: 7', 'Skipped: 2', 'Failed: 1', 'Cancelled: 0']) expect(text).toContain(line);
  });

  describe('escaping', () => {
    const evil = '<script>alert("x")</script> & Co';

    it.each(MAIL_KINDS)('%s HTML-escapes the name', (kind) => {
      const r = renderMail(kind, 'en', { ...SAMPLE[kind], name: evil });
      expect(r.html).not.toContain('<script>');
      expect(r.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
      expect(r.text).toContain(evil); // plain text keeps the name as written
    });

    it('escapes every other value, in the body and the <title>', () => {
      const titles = { courseTitle: '<b>Bold</b>', taskTitle: '<b>Bold</b>', actionTitle: '<b>Bold</b>', courseTitles: ['<b>Bold</b>'] };
      for (const kind of ['certificate-awarded', 'task-assigned', 'enrolled', 'job-finished'] as MailKind[]) {
        const r = renderMail(kind, 'en', { ...SAMPLE[kind], ...titles });
        expect(r.html).not.toContain('<b>');
        expect(r.html).toContain('&lt;b&gt;Bold&lt;/b&gt;');
      }
      const n = renderMail('notification', 'en', { ...SAMPLE.notification, subject: '</title><i>', body: 'a <img src=x>\nb' });
      expect(n.html).toContain('<title>&lt;/title&gt;&lt;i&gt;</title>');
      expect(n.html).toContain('<p>a &lt;img src&#x3D;x&gt;<br>b</p>');
    });
  });

  describe('checked vars', () => {
    it('a missing or wrong variable throws naming it', () => {
      expect(() => renderMail('enrolled', 'en', { name: 'A', link: LINK })).toThrow('renderMail(enrolled): vars.courseTitles:');
      expect(() => renderMail('password-reset', 'en', { name: 'A', link: LINK })).toThrow('vars.expiresAt');
      expect(() => renderMail('password-reset', 'en', { name: 'A', link: LINK, expiresAt: 'soon' })).toThrow('vars.expiresAt');
      expect(() => renderMail('job-finished', 'en', { ...SAMPLE['job-finished'], counts: { succeeded: 1 } })).toThrow('vars.counts.skipped');
      expect(() => renderMail('invitation', 'en', { link: LINK })).toThrow('vars.name');
    });

    it('links are http(s) only', () => {
      expect(() => renderMail('invitation', 'en', { name: 'A', link: 'javascript:alert(1)' })).toThrow('vars.link: must be an http(s) URL');
    });

    it('templates are strict: a variable missing from the context throws instead of rendering empty', () => {
      const render = compileStrict(Handlebars.create(), '<p>{{greeting}} {{person.name}}</p>', 'html');
      expect(() => render({ person: {} })).toThrow('"greeting" not defined');
      expect(() => render({ greeting: 'Hi' })).toThrow('"name" not defined'); // person.name: person is missing
      expect(render({ greeting: 'Hi', person: { name: '<Bo>' } })).toBe('<p>Hi &lt;Bo&gt;</p>');
    });
  });

  it('plain text becomes escaped paragraphs with line breaks', () => {
    expect(paragraphsHtml('one\r\ntwo\n\n\nthree & <four>\n')).toBe('<p>one<br>two</p><p>three &amp; &lt;four&gt;</p>');
    expect(paragraphsHtml('')).toBe('');
  });
});
