import { compile as htmlToTextCompiler } from 'html-to-text';
import { CompiledKind, compileLanguage } from './engine';
import { DA } from './languages/da';
import { DE } from './languages/de';
import { EN } from './languages/en';
import { ES } from './languages/es';
import { FI } from './languages/fi';
import { FR } from './languages/fr';
import { IT } from './languages/it';
import { NB } from './languages/nb';
import { NL } from './languages/nl';
import { PL } from './languages/pl';
import { PT } from './languages/pt';
import { SV } from './languages/sv';
import { PRODUCT_NAME } from './layout';
import { MailKind, parseMailVars } from './mail-vars';
import { LanguageTemplates } from './template-types';

export { MAIL_KINDS } from './mail-vars';
export type { MailKind, MailVars } from './mail-vars';

/** The language every other one falls back to. */
export const FALLBACK_LANGUAGE = 'en';

/** Template sets per language: adding a language is one file under languages/ and one entry here. */
const LANGUAGES: Record<string, LanguageTemplates> = {
  en: EN,
  nl: NL,
  de: DE,
  fr: FR,
  es: ES,
  it: IT,
  pt: PT,
  pl: PL,
  sv: SV,
  da: DA,
  fi: FI,
  nb: NB,
};

/** The languages with templates. */
export const MAIL_LANGUAGES = Object.keys(LANGUAGES);

const COMPILED: Record<string, Record<MailKind, CompiledKind>> = Object.fromEntries(
  Object.entries(LANGUAGES).map(([language, templates]) => [language, compileLanguage(language, templates)]),
);

/** The plain-text alternative of an HTML mail: links as "text [url]" (just the url when they are the same). */
const toText = htmlToTextCompiler({
  wordwrap: 78,
  selectors: [{ selector: 'a', options: { hideLinkHrefIfSameAsText: true } }],
});

/** One rendered e-mail: `language` is the template language actually used (after fallback). */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  language: string;
}

/** The template language for a person's language: its base (`nl-BE` → `nl`) when there are templates for it, else English. */
export function templateLanguage(language: string): string {
  const base = language.trim().toLowerCase().split(/[-_]/)[0];
  return Object.hasOwn(LANGUAGES, base) ? base : FALLBACK_LANGUAGE;
}

/**
 * Renders one e-mail of `kind` for a reader of `language`: subject, HTML in the shared layout and its
 * plain-text alternative. `vars` must fit `MailVars[kind]`; a wrong or missing one throws naming it.
 */
export function renderMail(kind: MailKind, language: string, vars: Record<string, unknown>): RenderedMail {
  const checked = parseMailVars(kind, vars);
  const used = templateLanguage(language);
  const template = COMPILED[used][kind];
  const subject = template.subject(checked).replace(/\s+/g, ' ').trim(); // one header line
  const html = template.html({ ...checked, mail: { language: used, product: PRODUCT_NAME, subject } });
  return { subject, html, text: toText(html), language: used };
}
