import Handlebars from 'handlebars';
import { TokenMail } from '@cohort/contracts';

/** The three parts of one e-mail in one language, as Handlebars sources ({{name}}, {{link}}, {{expires}}). */
interface MailSource {
  subject: string;
  text: string;
  /** the body's HTML, inside the shared layout */
  html: string;
}

type Kind = TokenMail['kind'];

/** The language every other one falls back to. */
export const FALLBACK_LANGUAGE = 'en';

/** Token-link e-mails per kind and language: adding a language is one entry per kind. */
const SOURCES: Record<Kind, Record<string, MailSource>> = {
  invitation: {
    en: {
      subject: 'You are invited to Cohort',
      text: 'Hello {{name}},\n\nYou have been invited to join Cohort. Accept the invitation and choose your password here:\n\n{{link}}\n\nDid you not expect this invitation? Then you can ignore this e-mail.\n',
      html: '<p>Hello {{name}},</p><p>You have been invited to join Cohort.</p><p><a href="{{link}}">Accept the invitation</a></p><p>Did you not expect this invitation? Then you can ignore this e-mail.</p>',
    },
    nl: {
      subject: 'Je bent uitgenodigd voor Cohort',
      text: 'Hallo {{name}},\n\nJe bent uitgenodigd voor Cohort. Accepteer de uitnodiging en kies je wachtwoord via deze link:\n\n{{link}}\n\nVerwachtte je deze uitnodiging niet? Dan kun je deze e-mail negeren.\n',
      html: '<p>Hallo {{name}},</p><p>Je bent uitgenodigd voor Cohort.</p><p><a href="{{link}}">Uitnodiging accepteren</a></p><p>Verwachtte je deze uitnodiging niet? Dan kun je deze e-mail negeren.</p>',
    },
  },
  'password-reset': {
    en: {
      subject: 'Reset your Cohort password',
      text: 'Hello {{name}},\n\nA new password was requested for your Cohort account. Choose it here:\n\n{{link}}\n\n{{#if expires}}This link works until {{expires}}.\n\n{{/if}}Did you not ask for this? Then you can ignore this e-mail: your password stays as it is.\n',
      html: '<p>Hello {{name}},</p><p>A new password was requested for your Cohort account.</p><p><a href="{{link}}">Choose a new password</a></p>{{#if expires}}<p>This link works until {{expires}}.</p>{{/if}}<p>Did you not ask for this? Then you can ignore this e-mail: your password stays as it is.</p>',
    },
    nl: {
      subject: 'Stel een nieuw wachtwoord in voor Cohort',
      text: 'Hallo {{name}},\n\nEr is een nieuw wachtwoord aangevraagd voor je Cohort-account. Kies het via deze link:\n\n{{link}}\n\n{{#if expires}}Deze link werkt tot {{expires}}.\n\n{{/if}}Heb je dit niet aangevraagd? Dan kun je deze e-mail negeren: je wachtwoord blijft zoals het is.\n',
      html: '<p>Hallo {{name}},</p><p>Er is een nieuw wachtwoord aangevraagd voor je Cohort-account.</p><p><a href="{{link}}">Nieuw wachtwoord kiezen</a></p>{{#if expires}}<p>Deze link werkt tot {{expires}}.</p>{{/if}}<p>Heb je dit niet aangevraagd? Dan kun je deze e-mail negeren: je wachtwoord blijft zoals het is.</p>',
    },
  },
};

const LAYOUT = '<!doctype html><html lang="{{language}}"><head><meta charset="utf-8"><title>{{subject}}</title></head><body>{{{body}}}</body></html>';

type Render = (context: Record<string, unknown>) => string;
interface Compiled {
  subject: Render;
  text: Render;
  html: Render;
}

/** An isolated Handlebars: subject and text are plain text (not HTML-escaped), the HTML escapes every value. */
const hbs = Handlebars.create();
const plain = (source: string): Render => hbs.compile(source, { noEscape: true, strict: true, knownHelpersOnly: true, knownHelpers: { if: true } });
const html = (source: string): Render => hbs.compile(source, { strict: true, knownHelpersOnly: true, knownHelpers: { if: true } });
const layout = html(LAYOUT);

const COMPILED: Record<Kind, Record<string, Compiled>> = Object.fromEntries(
  Object.entries(SOURCES).map(([kind, byLanguage]) => [
    kind,
    Object.fromEntries(Object.entries(byLanguage).map(([lang, s]) => [lang, { subject: plain(s.subject), text: plain(s.text), html: html(s.html) }])),
  ]),
) as Record<Kind, Record<string, Compiled>>;

/** An e-mail ready to send, in the language its templates were found in. */
export interface RenderedMail {
  language: string;
  subject: string;
  text: string;
  html: string;
}

/** The template language for a person's language: its base (`nl-BE` → `nl`) when there are templates for it, else English. */
export function templateLanguage(kind: Kind, language: string): string {
  const base = language.toLowerCase().split(/[-_]/)[0];
  return Object.hasOwn(SOURCES[kind], base) ? base : FALLBACK_LANGUAGE;
}

/** When a link stops working, written for the reader's language (UTC, so every server renders the same). */
function expiryText(expiresAt: string | undefined, language: string): string | undefined {
  const at = expiresAt ? new Date(expiresAt) : undefined;
  if (!at || Number.isNaN(at.getTime())) return undefined;
  return `${new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(at)} UTC`;
}

/** Renders a token-link e-mail for its recipient: their name, the link and (password resets) the expiry. */
export function renderTokenMail(mail: TokenMail, link: string): RenderedMail {
  const language = templateLanguage(mail.kind, mail.language);
  const t = COMPILED[mail.kind][language];
  const context = { name: mail.name, link, expires: expiryText(mail.expiresAt, language) };
  const subject = t.subject(context);
  return { language, subject, text: t.text(context), html: layout({ language, subject, body: t.html(context) }) };
}
