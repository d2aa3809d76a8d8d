import { LANGUAGES } from '@cohort/contracts';
import { EN } from './languages/en';
import { MailKind, MailVars, renderMail } from './render-mail';
import { LanguageTemplates } from './template-types';

/**
 * Every interface language of the product has its own e-mail templates: nobody silently gets English.
 * The languages come from the contracts, the kinds from the English templates (the fallback every
 * language is measured against), so a new language or kind is covered without touching this file.
 */

const LINK = 'https://cohort.example/learn/#/courses/42?tab=overview';

/** Realistic vars per kind: everything given (so every optional branch renders) and only what is required. */
const VARIANTS: { [K in MailKind]: Array<MailVars[K]> } = {
  invitation: [
    { name: 'Maria Nieminen', link: LINK, inviterName: 'Sam de Vries', tenantName: 'Acme Academy' },
    { name: '', link: LINK },
  ],
  'password-reset': [{ name: 'Maria Nieminen', link: LINK, expiresAt: '2025-03-04T05:06:00.000Z' }],
  notification: [{ name: 'Maria Nieminen', subject: 'Team meeting moved', body: 'The meeting is now on Tuesday.\n\nBring your laptop.', link: LINK }],
  'certificate-awarded': [{ name: 'Maria Nieminen', courseTitle: 'First Aid Basics', link: LINK }],
  'task-assigned': [
    { name: 'Maria Nieminen', taskTitle: 'Read chapter 2', dueDate: '2025-03-14', link: LINK },
    { name: 'Maria Nieminen', taskTitle: 'Read chapter 2', link: LINK },
  ],
  enrolled: [
    { name: 'Maria Nieminen', courseTitles: ['First Aid Basics'], link: LINK },
    { name: 'Maria Nieminen', courseTitles: ['First Aid Basics', 'Fire Safety', 'Data Protection'], link: LINK },
  ],
  'job-finished': [
    { name: 'Maria Nieminen', actionTitle: 'Invite new hires', counts: { succeeded: 41, skipped: 3, failed: 2, cancelled: 1 }, link: LINK },
  ],
};

/** Every mail kind, as the English templates have them. */
const KINDS = Object.keys(EN.kinds) as MailKind[];

/** A subject that only passes a variable through (a notification's own subject) reads the same in every language. */
const passesSubjectThrough = (kind: MailKind) => /^\{\{\s*[\w.]+\s*\}\}$/.test(EN.kinds[kind].subject.trim());

/** The strings a mail was given, except the link and dates (which are rendered as a URL and in the language). */
function givenTexts(vars: Record<string, unknown>): string[] {
  return Object.entries(vars).flatMap(([key, value]) => {
    if (key === 'link' || key === 'expiresAt' || key === 'dueDate' || key === 'subject') return [];
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
    return typeof value === 'string' && value !== '' ? [value] : [];
  });
}

/** The variables, partials, helpers and keywords a Handlebars source refers to (labels and other quoted text left out). */
function references(source: string): string[] {
  const words = [...source.matchAll(/\{\{([^}]*)\}\}/g)].flatMap(([, inner]) => inner.replace(/"[^"]*"/g, '').match(/[A-Za-z_][\w.[\]]*/g) ?? []);
  return [...new Set(words)].sort();
}

/** The templates of one language, loaded from its own file (`languages/<code>.ts`, exporting `<CODE>`). */
function templatesOf(language: string): LanguageTemplates | undefined {
  return jest.requireActual<Record<string, LanguageTemplates>>(`./languages/${language}`)[language.toUpperCase()];
}

describe('mail templates in every interface language', () => {
  it('the lists are not empty', () => {
    expect(LANGUAGES.length).toBeGreaterThan(1);
    expect(KINDS.length).toBeGreaterThan(0);
  });

  const cases = LANGUAGES.flatMap((language) =>
    KINDS.flatMap((kind) => (VARIANTS[kind] ?? [undefined]).map((vars, variant) => [language, kind, variant, vars] as const)),
  );

  it.each(cases)('%s: %s (variant %d) renders in its own language', (language, kind, _variant, vars) => {
    expect(vars).toBeDefined(); // a kind without sample vars here
    const r = renderMail(kind, language, vars!);

    expect(r.language).toBe(language); // no fallback
    expect(r.subject.trim()).not.toBe('');
    expect(r.html.trim()).not.toBe('');
    expect(r.html).toContain(`<html lang="${language}">`);
    expect(r.text.trim()).not.toBe('');
    for (const rendered of [r.subject, r.html, r.text]) {
      expect(rendered).not.toContain('{{');
      expect(rendered).not.toContain('}}');
    }
    const flat = (value: string) => value.replace(/\s+/g, ' ');
    for (const given of givenTexts(vars!)) expect(flat(r.text)).toContain(flat(given));
    expect(r.text).toContain(LINK);

    if (language !== 'en' && !passesSubjectThrough(kind)) {
      expect(r.subject).not.toBe(renderMail(kind, 'en', vars!).subject);
    }
  });

  describe.each(LANGUAGES.filter((language) => language !== 'en'))('%s', (language) => {
    it('has a template file that uses the same variables, partials and helpers as English', () => {
      const templates = templatesOf(language);
      expect(templates).toBeDefined();
      for (const part of ['greeting', 'signature', 'automated'] as const) {
        expect([part, references(templates![part])]).toEqual([part, references(EN[part])]);
      }
      expect(Object.keys(templates!.kinds).sort()).toEqual([...KINDS].sort());
      for (const kind of KINDS) {
        for (const field of ['subject', 'body', 'reason'] as const) {
          expect([kind, field, references(templates!.kinds[kind][field])]).toEqual([kind, field, references(EN.kinds[kind][field])]);
        }
      }
    });
  });
});
