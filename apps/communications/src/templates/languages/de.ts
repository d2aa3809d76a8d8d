import { LanguageTemplates } from '../template-types';

/** German (formal "Sie"). */
export const DE: LanguageTemplates = {
  greeting: '<p>{{#if name}}Hallo {{name}},{{else}}Guten Tag,{{/if}}</p>',
  signature: '<p>Viele Grüße<br>Ihr Cohort-Team</p>',
  automated: 'Dies ist eine automatisch versendete Nachricht; Antworten darauf werden nicht gelesen.',
  kinds: {
    invitation: {
      subject: 'Einladung zu Cohort',
      body:
        '{{> greeting}}<p>{{#if inviterName}}{{inviterName}} hat Sie{{else}}Sie wurden{{/if}} zu {{#if tenantName}}{{tenantName}} bei {{/if}}Cohort eingeladen.</p>' +
        '<p>Nehmen Sie die Einladung an und wählen Sie Ihr Passwort:</p>{{> button label="Einladung annehmen" href=link}}' +
        '<p>Haben Sie diese Einladung nicht erwartet? Dann können Sie diese E-Mail ignorieren.</p>{{> signature}}',
      reason: 'Sie erhalten diese E-Mail, weil diese Adresse zu Cohort eingeladen wurde.',
    },
    'password-reset': {
      subject: 'Ihr Cohort-Passwort zurücksetzen',
      body:
        '{{> greeting}}<p>Für Ihr Cohort-Konto wurde ein neues Passwort angefordert.</p>{{> button label="Neues Passwort wählen" href=link}}' +
        '<p>Dieser Link ist gültig bis {{dateTime expiresAt}}.</p>' +
        '<p>Haben Sie das nicht angefordert? Dann können Sie diese E-Mail ignorieren – Ihr Passwort bleibt unverändert.</p>{{> signature}}',
      reason: 'Sie erhalten diese E-Mail, weil für Ihr Cohort-Konto ein neues Passwort angefordert wurde.',
    },
    notification: {
      subject: '{{subject}}',
      body: '{{> greeting}}{{paragraphs body}}{{> button label="In Cohort öffnen" href=link}}{{> signature}}',
      reason: 'Sie erhalten diese E-Mail, weil Sie ein Cohort-Konto haben und Ihnen eine Nachricht gesendet wurde.',
    },
    'certificate-awarded': {
      subject: 'Ihr Zertifikat für {{courseTitle}}',
      body:
        '{{> greeting}}<p>Herzlichen Glückwunsch! Sie haben <strong>{{courseTitle}}</strong> abgeschlossen und ein Zertifikat erhalten.</p>' +
        '{{> button label="Zertifikat herunterladen" href=link}}{{> signature}}',
      reason: 'Sie erhalten diese E-Mail, weil Sie einen Kurs in Cohort abgeschlossen haben.',
    },
    'task-assigned': {
      subject: 'Neue Aufgabe: {{taskTitle}}',
      body:
        '{{> greeting}}<p>Ihnen wurde eine neue Aufgabe zugewiesen: <strong>{{taskTitle}}</strong>.</p>' +
        '{{#if dueDate}}<p>Bitte erledigen Sie sie bis zum {{date dueDate}}.</p>{{/if}}{{> button label="Aufgabe ansehen" href=link}}{{> signature}}',
      reason: 'Sie erhalten diese E-Mail, weil Ihnen in Cohort eine Aufgabe zugewiesen wurde.',
    },
    enrolled: {
      subject:
        '{{#if courseTitles.[1]}}Sie wurden für {{courseTitles.length}} Kurse angemeldet{{else}}Sie wurden für {{courseTitles.[0]}} angemeldet{{/if}}',
      body:
        '{{> greeting}}<p>Sie wurden für {{#if courseTitles.[1]}}folgende Kurse{{else}}folgenden Kurs{{/if}} angemeldet:</p>' +
        '<ul>{{#each courseTitles}}<li>{{this}}</li>{{/each}}</ul>{{> button label="Jetzt loslegen" href=link}}{{> signature}}',
      reason: 'Sie erhalten diese E-Mail, weil Sie in Cohort für einen Kurs angemeldet wurden.',
    },
    'job-finished': {
      subject: 'Ihre Massenaktion „{{actionTitle}}“ ist abgeschlossen',
      body:
        '{{> greeting}}<p>Ihre Massenaktion <strong>{{actionTitle}}</strong> ist abgeschlossen:</p>' +
        '<ul><li>Erfolgreich: {{counts.succeeded}}</li><li>Übersprungen: {{counts.skipped}}</li><li>Fehlgeschlagen: {{counts.failed}}</li><li>Abgebrochen: {{counts.cancelled}}</li></ul>' +
        '{{> button label="Ergebnisse ansehen" href=link}}{{> signature}}',
      reason: 'Sie erhalten diese E-Mail, weil Sie diese Massenaktion in Cohort gestartet haben.',
    },
  },
};
