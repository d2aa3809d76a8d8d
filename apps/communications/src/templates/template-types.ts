import type { MailKind } from './mail-vars';

/** One kind's e-mail in one language, as Handlebars sources. */
export interface KindTemplate {
  /** plain text (not HTML-escaped; the layout escapes it in <title>) */
  subject: string;
  /** the HTML inside the layout: use the `greeting`, `button` (label, href) and `signature` partials */
  body: string;
  /** the footer's "why you get this e-mail", HTML */
  reason: string;
}

/** Everything one language needs: its partials' sources and one template per mail kind. */
export interface LanguageTemplates {
  /** `Hello {{name}},`, and without a name when it is empty */
  greeting: string;
  signature: string;
  /** footer line: the mail is sent automatically */
  automated: string;
  kinds: Record<MailKind, KindTemplate>;
}
