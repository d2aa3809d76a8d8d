import { LanguageTemplates } from '../template-types';

/** Norwegian Bokmål (informal "du", as usual in Norwegian product e-mail). */
export const NB: LanguageTemplates = {
  greeting: '<p>{{#if name}}Hei {{name}},{{else}}Hei,{{/if}}</p>',
  signature: '<p>Vennlig hilsen<br>Cohort-teamet</p>',
  automated: 'Dette er en automatisk melding, og svar på den blir ikke lest.',
  kinds: {
    invitation: {
      subject: 'Du er invitert til Cohort',
      body:
        '{{> greeting}}<p>{{#if inviterName}}{{inviterName}} har invitert deg{{else}}Du er invitert{{/if}} til {{#if tenantName}}{{tenantName}} i {{/if}}Cohort.</p>' +
        '<p>Godta invitasjonen og velg passordet ditt:</p>{{> button label="Godta invitasjonen" href=link}}' +
        '<p>Ventet du ikke denne invitasjonen? Da kan du se bort fra denne e-posten.</p>{{> signature}}',
      reason: 'Du får denne e-posten fordi denne adressen er invitert til Cohort.',
    },
    'password-reset': {
      subject: 'Tilbakestill passordet ditt for Cohort',
      body:
        '{{> greeting}}<p>Det er bedt om et nytt passord for Cohort-kontoen din.</p>{{> button label="Velg nytt passord" href=link}}' +
        '<p>Lenken fungerer til {{dateTime expiresAt}}.</p>' +
        '<p>Har du ikke bedt om dette? Da kan du se bort fra denne e-posten – passordet ditt forblir uendret.</p>{{> signature}}',
      reason: 'Du får denne e-posten fordi det er bedt om et nytt passord for Cohort-kontoen din.',
    },
    notification: {
      subject: '{{subject}}',
      body: '{{> greeting}}{{paragraphs body}}{{> button label="Åpne i Cohort" href=link}}{{> signature}}',
      reason: 'Du får denne e-posten fordi du har en Cohort-konto og har fått en melding.',
    },
    'certificate-awarded': {
      subject: 'Kursbeviset ditt for {{courseTitle}}',
      body:
        '{{> greeting}}<p>Gratulerer! Du har fullført <strong>{{courseTitle}}</strong> og fått et kursbevis.</p>' +
        '{{> button label="Last ned kursbeviset" href=link}}{{> signature}}',
      reason: 'Du får denne e-posten fordi du har fullført et kurs i Cohort.',
    },
    'task-assigned': {
      subject: 'Ny oppgave: {{taskTitle}}',
      body:
        '{{> greeting}}<p>Du har fått tildelt en ny oppgave: <strong>{{taskTitle}}</strong>.</p>' +
        '{{#if dueDate}}<p>Oppgaven må fullføres innen {{date dueDate}}.</p>{{/if}}{{> button label="Se oppgaven" href=link}}{{> signature}}',
      reason: 'Du får denne e-posten fordi du har fått tildelt en oppgave i Cohort.',
    },
    enrolled: {
      subject: '{{#if courseTitles.[1]}}Du er påmeldt {{courseTitles.length}} kurs{{else}}Du er påmeldt {{courseTitles.[0]}}{{/if}}',
      body:
        '{{> greeting}}<p>Du er meldt på {{#if courseTitles.[1]}}disse kursene{{else}}dette kurset{{/if}}:</p>' +
        '<ul>{{#each courseTitles}}<li>{{this}}</li>{{/each}}</ul>{{> button label="Kom i gang" href=link}}{{> signature}}',
      reason: 'Du får denne e-posten fordi du er meldt på et kurs i Cohort.',
    },
    'job-finished': {
      subject: 'Massehandlingen din «{{actionTitle}}» er fullført',
      body:
        '{{> greeting}}<p>Massehandlingen din <strong>{{actionTitle}}</strong> er fullført:</p>' +
        '<ul><li>Vellykket: {{counts.succeeded}}</li><li>Hoppet over: {{counts.skipped}}</li><li>Mislykket: {{counts.failed}}</li><li>Avbrutt: {{counts.cancelled}}</li></ul>' +
        '{{> button label="Se resultatene" href=link}}{{> signature}}',
      reason: 'Du får denne e-posten fordi du startet denne massehandlingen i Cohort.',
    },
  },
};
