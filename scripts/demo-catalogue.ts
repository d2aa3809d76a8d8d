/** The demo tenant's vocabulary: courses, learning paths, teams, groups, names and profile values. */
import type { Language } from './demo-documents';

export const COURSES: ReadonlyArray<[string, string]> = [
  ['c-welcome', 'Welcome to the company'],
  ['c-code-of-conduct', 'Code of conduct'],
  ['c-gdpr', 'GDPR essentials'],
  ['c-security', 'Information security awareness'],
  ['c-first-aid', 'First aid at work'],
  ['c-fire-safety', 'Fire safety'],
  ['c-forklift', 'Forklift certification'],
  ['c-excel', 'Excel for everyone'],
  ['c-feedback', 'Giving and receiving feedback'],
  ['c-negotiation', 'Negotiation skills'],
  ['c-leadership-101', 'Leadership 101'],
  ['c-coaching', 'Coaching conversations'],
  ['c-customer-care', 'Customer care'],
  ['c-python', 'Python for analysts'],
  ['c-time-management', 'Time management'],
];
export const PLAIN_COURSE_IDS = COURSES.map(([id]) => id);
export const PATHS: ReadonlyArray<[string, string, string, string[]]> = [
  ['p-onboarding', 'Onboarding path', 'learning-path', ['c-welcome', 'c-code-of-conduct', 'c-gdpr', 'c-security']],
  ['p-new-managers', 'New managers path', 'learning-path', ['c-leadership-101', 'c-feedback', 'c-coaching']],
  ['s-safety', 'Safety series', 'series', ['c-first-aid', 'c-fire-safety', 'c-forklift']],
];

export const TEAMS: ReadonlyArray<[string, string]> = [
  ['team-sales', 'Sales'],
  ['team-engineering', 'Engineering'],
  ['team-support', 'Customer support'],
  ['team-marketing', 'Marketing'],
  ['team-operations', 'Operations'],
  ['team-people', 'People & culture'],
];
export const GROUPS: ReadonlyArray<[string, string, string[]]> = [
  ['grp-new-hires', 'New hires', ['c-welcome', 'c-code-of-conduct']],
  ['grp-compliance', 'Compliance', ['c-gdpr', 'c-security']],
  ['grp-safety-officers', 'Safety officers', ['c-first-aid', 'c-fire-safety']],
  ['grp-future-leaders', 'Future leaders', ['c-leadership-101']],
  ['grp-mentors', 'Mentors', []],
  ['grp-remote', 'Remote workers', []],
  ['grp-book-club', 'Book club', []],
  ['grp-volunteers', 'Volunteers', []],
];

// prettier-ignore
export const FIRST = ['Emma', 'Liam', 'Sophie', 'Noah', 'Julia', 'Lucas', 'Mila', 'Daan', 'Anna', 'Finn', 'Lea', 'Paul', 'Chloé', 'Hugo', 'Lucía', 'Mateo', 'Olivia', 'James', 'Fatima', 'Mohamed', 'Sara', 'Jonas', 'Inès', 'Léo', 'Marta', 'Pablo', 'Grace', 'Oscar', 'Yara', 'Timo'];
// prettier-ignore
export const LAST = ['Jansen', 'de Vries', 'Müller', 'Schmidt', 'Martin', 'Bernard', 'García', 'López', 'Smith', 'Brown', 'Peeters', 'Bakker', 'Weber', 'Dubois', 'Moreau', 'Fernández', 'Wilson', 'Taylor', 'Visser', 'Fischer', 'Lefèvre', 'Romero', 'Murphy', 'Hoffmann', 'Claes'];
export const COUNTRIES: Record<Language, string[]> = {
  en: ['GB', 'US', 'IE'],
  nl: ['NL', 'BE'],
  de: ['DE', 'AT', 'CH'],
  fr: ['FR', 'BE', 'CH'],
  es: ['ES', 'MX', 'AR'],
};
export const LABELS = ['onboarding', 'remote', 'part-time', 'mentor', 'new-hire', 'field', 'contractor', 'leadership', 'compliance', 'ambassador'];
export const SPECIALISMS = ['first-aid', 'forklift', 'gdpr', 'excel', 'negotiation', 'coaching', 'python', 'safety-officer'];

export const CONTENT: ReadonlyArray<['item' | 'channel' | 'learnlist', string, string]> = [
  ['item', 'i-security-checklist', 'Security checklist'],
  ['item', 'i-expense-policy', 'Expense policy'],
  ['item', 'i-brand-guide', 'Brand guide'],
  ['channel', 'ch-sales-news', 'Sales news'],
  ['channel', 'ch-engineering', 'Engineering channel'],
  ['learnlist', 'll-leadership-reads', 'Leadership reads'],
  ['learnlist', 'll-onboarding-week-1', 'Onboarding week 1'],
];
