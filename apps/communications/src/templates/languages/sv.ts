import { LanguageTemplates } from '../template-types';

/** Swedish (informal "du", as usual in Swedish product e-mail). */
export const SV: LanguageTemplates = {
  greeting: '<p>{{#if name}}Hej {{name}}!{{else}}Hej!{{/if}}</p>',
  signature: '<p>Vänliga hälsningar<br>Cohort-teamet</p>',
  automated: 'Det här är ett automatiskt meddelande. Svar på det läses inte.',
  kinds: {
    invitation: {
      subject: 'Du har bjudits in till Cohort',
      body:
        '{{> greeting}}<p>{{#if inviterName}}{{inviterName}} har bjudit in dig{{else}}Du har bjudits in{{/if}} till {{#if tenantName}}{{tenantName}} i {{/if}}Cohort.</p>' +
        '<p>Acceptera inbjudan och välj ditt lösenord:</p>{{> button label="Acceptera inbjudan" href=link}}' +
        '<p>Väntade du dig inte den här inbjudan? Då kan du bortse från det här mejlet.</p>{{> signature}}',
      reason: 'Du får det här mejlet eftersom den här adressen har bjudits in till Cohort.',
    },
    'password-reset': {
      subject: 'Återställ ditt lösenord för Cohort',
      body:
        '{{> greeting}}<p>Ett nytt lösenord har begärts för ditt Cohort-konto.</p>{{> button label="Välj ett nytt lösenord" href=link}}' +
        '<p>Länken gäller till {{dateTime expiresAt}}.</p>' +
        '<p>Har du inte begärt det här? Då kan du bortse från mejlet – ditt lösenord förblir oförändrat.</p>{{> signature}}',
      reason: 'Du får det här mejlet eftersom ett nytt lösenord har begärts för ditt Cohort-konto.',
    },
    notification: {
      subject: '{{subject}}',
      body: '{{> greeting}}{{paragraphs body}}{{> button label="Öppna i Cohort" href=link}}{{> signature}}',
      reason: 'Du får det här mejlet eftersom du har ett Cohort-konto och ett meddelande har skickats till dig.',
    },
    'certificate-awarded': {
      subject: 'Ditt certifikat för {{courseTitle}}',
      body:
        '{{> greeting}}<p>Grattis! Du har slutfört <strong>{{courseTitle}}</strong> och fått ett certifikat.</p>' +
        '{{> button label="Ladda ned ditt certifikat" href=link}}{{> signature}}',
      reason: 'Du får det här mejlet eftersom du har slutfört en kurs i Cohort.',
    },
    'task-assigned': {
      subject: 'Ny uppgift: {{taskTitle}}',
      body:
        '{{> greeting}}<p>Du har tilldelats en ny uppgift: <strong>{{taskTitle}}</strong>.</p>' +
        '{{#if dueDate}}<p>Slutför den senast {{date dueDate}}.</p>{{/if}}{{> button label="Visa uppgiften" href=link}}{{> signature}}',
      reason: 'Du får det här mejlet eftersom du har tilldelats en uppgift i Cohort.',
    },
    enrolled: {
      subject: '{{#if courseTitles.[1]}}Du är anmäld till {{courseTitles.length}} kurser{{else}}Du är anmäld till {{courseTitles.[0]}}{{/if}}',
      body:
        '{{> greeting}}<p>Du har anmälts till {{#if courseTitles.[1]}}följande kurser{{else}}följande kurs{{/if}}:</p>' +
        '<ul>{{#each courseTitles}}<li>{{this}}</li>{{/each}}</ul>{{> button label="Kom igång" href=link}}{{> signature}}',
      reason: 'Du får det här mejlet eftersom du har anmälts till en kurs i Cohort.',
    },
    'job-finished': {
      subject: 'Din massåtgärd ”{{actionTitle}}” är klar',
      body:
        '{{> greeting}}<p>Din massåtgärd <strong>{{actionTitle}}</strong> är klar:</p>' +
        '<ul><li>Lyckade: {{counts.succeeded}}</li><li>Överhoppade: {{counts.skipped}}</li><li>Misslyckade: {{counts.failed}}</li><li>Avbrutna: {{counts.cancelled}}</li></ul>' +
        '{{> button label="Visa resultatet" href=link}}{{> signature}}',
      reason: 'Du får det här mejlet eftersom du startade den här massåtgärden i Cohort.',
    },
  },
};
