import { LanguageTemplates } from '../template-types';

/** Dutch (informal "je", as usual in Dutch product e-mail). */
export const NL: LanguageTemplates = {
  greeting: '<p>{{#if name}}Hallo {{name}},{{else}}Hallo,{{/if}}</p>',
  signature: '<p>Met vriendelijke groet,<br>Het Cohort-team</p>',
  automated: 'Dit is een automatisch bericht; antwoorden hierop worden niet gelezen.',
  kinds: {
    invitation: {
      subject: 'Je bent uitgenodigd voor Cohort',
      body:
        '{{> greeting}}<p>{{#if inviterName}}{{inviterName}} heeft je uitgenodigd{{else}}Je bent uitgenodigd{{/if}} voor {{#if tenantName}}{{tenantName}} op {{/if}}Cohort.</p>' +
        '<p>Accepteer de uitnodiging en kies je wachtwoord:</p>{{> button label="Uitnodiging accepteren" href=link}}' +
        '<p>Verwachtte je deze uitnodiging niet? Dan kun je deze e-mail negeren.</p>{{> signature}}',
      reason: 'Je ontvangt deze e-mail omdat dit adres is uitgenodigd voor Cohort.',
    },
    'password-reset': {
      subject: 'Stel een nieuw wachtwoord in voor Cohort',
      body:
        '{{> greeting}}<p>Er is een nieuw wachtwoord aangevraagd voor je Cohort-account.</p>{{> button label="Nieuw wachtwoord kiezen" href=link}}' +
        '<p>Deze link werkt tot {{dateTime expiresAt}}.</p>' +
        '<p>Heb je dit niet aangevraagd? Dan kun je deze e-mail negeren: je wachtwoord blijft zoals het is.</p>{{> signature}}',
      reason: 'Je ontvangt deze e-mail omdat er een nieuw wachtwoord is aangevraagd voor je Cohort-account.',
    },
    notification: {
      subject: '{{subject}}',
      body: '{{> greeting}}{{paragraphs body}}{{> button label="Bekijken in Cohort" href=link}}{{> signature}}',
      reason: 'Je ontvangt deze e-mail omdat je een Cohort-account hebt en er een bericht naar je is verstuurd.',
    },
    'certificate-awarded': {
      subject: 'Je certificaat voor {{courseTitle}}',
      body:
        '{{> greeting}}<p>Gefeliciteerd! Je hebt <strong>{{courseTitle}}</strong> afgerond en een certificaat behaald.</p>' +
        '{{> button label="Certificaat downloaden" href=link}}{{> signature}}',
      reason: 'Je ontvangt deze e-mail omdat je een cursus in Cohort hebt afgerond.',
    },
    'task-assigned': {
      subject: 'Nieuwe taak: {{taskTitle}}',
      body:
        '{{> greeting}}<p>Er is een nieuwe taak aan je toegewezen: <strong>{{taskTitle}}</strong>.</p>' +
        '{{#if dueDate}}<p>Rond de taak uiterlijk {{date dueDate}} af.</p>{{/if}}{{> button label="Taak bekijken" href=link}}{{> signature}}',
      reason: 'Je ontvangt deze e-mail omdat er in Cohort een taak aan je is toegewezen.',
    },
    enrolled: {
      subject:
        '{{#if courseTitles.[1]}}Je bent ingeschreven voor {{courseTitles.length}} cursussen{{else}}Je bent ingeschreven voor {{courseTitles.[0]}}{{/if}}',
      body:
        '{{> greeting}}<p>Je bent ingeschreven voor {{#if courseTitles.[1]}}deze cursussen{{else}}deze cursus{{/if}}:</p>' +
        '<ul>{{#each courseTitles}}<li>{{this}}</li>{{/each}}</ul>{{> button label="Aan de slag" href=link}}{{> signature}}',
      reason: 'Je ontvangt deze e-mail omdat je in Cohort bent ingeschreven voor een cursus.',
    },
    'job-finished': {
      subject: 'Je bulkactie ‘{{actionTitle}}’ is voltooid',
      body:
        '{{> greeting}}<p>Je bulkactie <strong>{{actionTitle}}</strong> is voltooid:</p>' +
        '<ul><li>Gelukt: {{counts.succeeded}}</li><li>Overgeslagen: {{counts.skipped}}</li><li>Mislukt: {{counts.failed}}</li><li>Geannuleerd: {{counts.cancelled}}</li></ul>' +
        '{{> button label="Resultaten bekijken" href=link}}{{> signature}}',
      reason: 'Je ontvangt deze e-mail omdat je deze bulkactie in Cohort hebt gestart.',
    },
  },
};
