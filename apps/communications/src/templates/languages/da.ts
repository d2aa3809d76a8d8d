import { LanguageTemplates } from '../template-types';

/** Danish (informal "du", as usual in Danish product e-mail). */
export const DA: LanguageTemplates = {
  greeting: '<p>{{#if name}}Hej {{name}},{{else}}Hej,{{/if}}</p>',
  signature: '<p>Venlig hilsen<br>Cohort-teamet</p>',
  automated: 'Dette er en automatisk besked; svar på den bliver ikke læst.',
  kinds: {
    invitation: {
      subject: 'Du er inviteret til Cohort',
      body:
        '{{> greeting}}<p>{{#if inviterName}}{{inviterName}} har inviteret dig{{else}}Du er blevet inviteret{{/if}} til {{#if tenantName}}{{tenantName}} på {{/if}}Cohort.</p>' +
        '<p>Accepter invitationen og vælg din adgangskode:</p>{{> button label="Accepter invitationen" href=link}}' +
        '<p>Havde du ikke ventet denne invitation? Så kan du se bort fra denne e-mail.</p>{{> signature}}',
      reason: 'Du modtager denne e-mail, fordi denne adresse er blevet inviteret til Cohort.',
    },
    'password-reset': {
      subject: 'Nulstil din adgangskode til Cohort',
      body:
        '{{> greeting}}<p>Der er anmodet om en ny adgangskode til din Cohort-konto.</p>{{> button label="Vælg en ny adgangskode" href=link}}' +
        '<p>Linket virker indtil {{dateTime expiresAt}}.</p>' +
        '<p>Har du ikke bedt om det? Så kan du se bort fra denne e-mail – din adgangskode forbliver uændret.</p>{{> signature}}',
      reason: 'Du modtager denne e-mail, fordi der er anmodet om en ny adgangskode til din Cohort-konto.',
    },
    notification: {
      subject: '{{subject}}',
      body: '{{> greeting}}{{paragraphs body}}{{> button label="Åbn i Cohort" href=link}}{{> signature}}',
      reason: 'Du modtager denne e-mail, fordi du har en Cohort-konto, og der er sendt en besked til dig.',
    },
    'certificate-awarded': {
      subject: 'Dit certifikat for {{courseTitle}}',
      body:
        '{{> greeting}}<p>Tillykke! Du har gennemført <strong>{{courseTitle}}</strong> og fået et certifikat.</p>' +
        '{{> button label="Download dit certifikat" href=link}}{{> signature}}',
      reason: 'Du modtager denne e-mail, fordi du har gennemført et kursus i Cohort.',
    },
    'task-assigned': {
      subject: 'Ny opgave: {{taskTitle}}',
      body:
        '{{> greeting}}<p>Du har fået tildelt en ny opgave: <strong>{{taskTitle}}</strong>.</p>' +
        '{{#if dueDate}}<p>Opgaven skal være løst senest {{date dueDate}}.</p>{{/if}}{{> button label="Se opgaven" href=link}}{{> signature}}',
      reason: 'Du modtager denne e-mail, fordi du har fået tildelt en opgave i Cohort.',
    },
    enrolled: {
      subject: '{{#if courseTitles.[1]}}Du er tilmeldt {{courseTitles.length}} kurser{{else}}Du er tilmeldt {{courseTitles.[0]}}{{/if}}',
      body:
        '{{> greeting}}<p>Du er blevet tilmeldt {{#if courseTitles.[1]}}følgende kurser{{else}}følgende kursus{{/if}}:</p>' +
        '<ul>{{#each courseTitles}}<li>{{this}}</li>{{/each}}</ul>{{> button label="Kom i gang" href=link}}{{> signature}}',
      reason: 'Du modtager denne e-mail, fordi du er blevet tilmeldt et kursus i Cohort.',
    },
    'job-finished': {
      subject: 'Din massehandling »{{actionTitle}}« er fuldført',
      body:
        '{{> greeting}}<p>Din massehandling <strong>{{actionTitle}}</strong> er fuldført:</p>' +
        '<ul><li>Gennemført: {{counts.succeeded}}</li><li>Sprunget over: {{counts.skipped}}</li><li>Mislykket: {{counts.failed}}</li><li>Annulleret: {{counts.cancelled}}</li></ul>' +
        '{{> button label="Se resultaterne" href=link}}{{> signature}}',
      reason: 'Du modtager denne e-mail, fordi du har startet denne massehandling i Cohort.',
    },
  },
};
