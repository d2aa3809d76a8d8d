import Handlebars from 'handlebars';
import { BUTTON, LAYOUT } from './layout';
import { MailKind } from './mail-vars';
import { KindTemplate, LanguageTemplates } from './template-types';

/** A compiled template: context in, text out. */
export type Render = (context: Record<string, unknown>) => string;

/** One kind in one language, compiled: the subject (plain text) and the whole HTML document. */
export interface CompiledKind {
  subject: Render;
  html: Render;
}

const HELPERS = { date: true, dateTime: true, paragraphs: true } as const;

/**
 * Compiles Handlebars sources strictly: a variable the context lacks throws instead of rendering empty,
 * and only our helpers exist. HTML templates escape every `{{value}}`; `plain` ones (subjects) do not.
 */
export function compileStrict(hbs: typeof Handlebars, source: string, kind: 'html' | 'plain'): Render {
  return hbs.compile(source, { strict: true, knownHelpersOnly: true, knownHelpers: HELPERS, noEscape: kind === 'plain' });
}

/** An ISO date (or date-time) as a Date, or an error naming what was wrong (helpers see no field names). */
function toDate(value: unknown, helper: string): Date {
  const at = typeof value === 'string' ? new Date(value) : undefined;
  if (!at || Number.isNaN(at.getTime())) throw new Error(`mail template: {{${helper}}} needs an ISO date, got ${JSON.stringify(value)}`);
  return at;
}

/** Plain text as HTML: every line escaped, blank lines separate paragraphs, single newlines become <br>. */
export function paragraphsHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph.split('\n').map(Handlebars.Utils.escapeExpression).join('<br>')}</p>`)
    .join('');
}

/**
 * An isolated Handlebars for one language: the shared layout and button, the language's greeting,
 * signature and footer line as partials, and date helpers writing in that language (UTC, so every
 * server renders the same mail).
 */
function languageEnvironment(language: string, templates: LanguageTemplates): typeof Handlebars {
  const hbs = Handlebars.create();
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  hbs.registerHelper('dateTime', (value: unknown) => `${dateTime.format(toDate(value, 'dateTime'))} UTC`);
  hbs.registerHelper('date', (value: unknown) => date.format(toDate(value, 'date')));
  hbs.registerHelper('paragraphs', (value: unknown) => {
    if (typeof value !== 'string') throw new Error(`mail template: {{paragraphs}} needs text, got ${typeof value}`);
    return new hbs.SafeString(paragraphsHtml(value));
  });
  hbs.registerPartial({
    layout: LAYOUT,
    button: BUTTON,
    greeting: templates.greeting,
    signature: templates.signature,
    automated: templates.automated,
  });
  return hbs;
}

/** The kind's body inside the layout, its reason as the layout's `reason` partial. */
function documentSource(template: KindTemplate): string {
  return `{{#> layout}}{{#*inline "reason"}}${template.reason}{{/inline}}${template.body}{{/layout}}`;
}

/**
 * Every kind of one language, compiled once (Handlebars compiles a template on its first render and
 * keeps it; partials likewise, under the strict options of the template that uses them).
 */
export function compileLanguage(language: string, templates: LanguageTemplates): Record<MailKind, CompiledKind> {
  const hbs = languageEnvironment(language, templates);
  const compiled = Object.entries(templates.kinds).map(([kind, template]) => [
    kind,
    { subject: compileStrict(hbs, template.subject, 'plain'), html: compileStrict(hbs, documentSource(template), 'html') },
  ]);
  return Object.fromEntries(compiled) as Record<MailKind, CompiledKind>;
}
