import { LanguageTemplates } from '../template-types';

/** Italian (informal "tu", as usual in Italian product e-mail; gender-neutral wording where a participle would agree with the reader). */
export const IT: LanguageTemplates = {
  greeting: '<p>{{#if name}}Ciao {{name}},{{else}}Ciao,{{/if}}</p>',
  signature: '<p>Cordiali saluti,<br>Il team di Cohort</p>',
  automated: 'Questo è un messaggio automatico: le risposte non vengono lette.',
  kinds: {
    invitation: {
      subject: 'Invito a unirti a Cohort',
      body:
        '{{> greeting}}<p>{{#if inviterName}}{{inviterName}} ti invita{{else}}Hai ricevuto un invito{{/if}} a unirti a {{#if tenantName}}{{tenantName}} su {{/if}}Cohort.</p>' +
        '<p>Accetta l’invito e scegli la tua password:</p>{{> button label="Accetta l’invito" href=link}}' +
        '<p>Non ti aspettavi questo invito? Puoi ignorare questa e-mail.</p>{{> signature}}',
      reason: 'Ricevi questa e-mail perché questo indirizzo è stato invitato a unirsi a Cohort.',
    },
    'password-reset': {
      subject: 'Reimposta la tua password di Cohort',
      body:
        '{{> greeting}}<p>È stata richiesta una nuova password per il tuo account Cohort.</p>{{> button label="Scegli una nuova password" href=link}}' +
        '<p>Il link è valido fino al {{dateTime expiresAt}}.</p>' +
        '<p>Non hai fatto tu questa richiesta? Puoi ignorare questa e-mail: la tua password resterà invariata.</p>{{> signature}}',
      reason: 'Ricevi questa e-mail perché è stata richiesta una nuova password per il tuo account Cohort.',
    },
    notification: {
      subject: '{{subject}}',
      body: '{{> greeting}}{{paragraphs body}}{{> button label="Apri in Cohort" href=link}}{{> signature}}',
      reason: 'Ricevi questa e-mail perché hai un account Cohort e ti è stato inviato un messaggio.',
    },
    'certificate-awarded': {
      subject: 'Il tuo certificato per {{courseTitle}}',
      body:
        '{{> greeting}}<p>Congratulazioni! Hai completato <strong>{{courseTitle}}</strong> e ottenuto un certificato.</p>' +
        '{{> button label="Scarica il certificato" href=link}}{{> signature}}',
      reason: 'Ricevi questa e-mail perché hai completato un corso su Cohort.',
    },
    'task-assigned': {
      subject: 'Nuova attività: {{taskTitle}}',
      body:
        '{{> greeting}}<p>Ti è stata assegnata una nuova attività: <strong>{{taskTitle}}</strong>.</p>' +
        '{{#if dueDate}}<p>Completala entro il {{date dueDate}}.</p>{{/if}}{{> button label="Visualizza l’attività" href=link}}{{> signature}}',
      reason: 'Ricevi questa e-mail perché ti è stata assegnata un’attività su Cohort.',
    },
    enrolled: {
      subject: '{{#if courseTitles.[1]}}Iscrizione a {{courseTitles.length}} corsi{{else}}Iscrizione a {{courseTitles.[0]}}{{/if}}',
      body:
        '{{> greeting}}<p>È stata effettuata la tua iscrizione {{#if courseTitles.[1]}}ai seguenti corsi{{else}}al seguente corso{{/if}}:</p>' +
        '<ul>{{#each courseTitles}}<li>{{this}}</li>{{/each}}</ul>{{> button label="Inizia a imparare" href=link}}{{> signature}}',
      reason: 'Ricevi questa e-mail perché è stata effettuata la tua iscrizione a un corso su Cohort.',
    },
    'job-finished': {
      subject: 'La tua azione di massa «{{actionTitle}}» è stata completata',
      body:
        '{{> greeting}}<p>La tua azione di massa <strong>{{actionTitle}}</strong> è stata completata:</p>' +
        '<ul><li>Riuscite: {{counts.succeeded}}</li><li>Saltate: {{counts.skipped}}</li><li>Non riuscite: {{counts.failed}}</li><li>Annullate: {{counts.cancelled}}</li></ul>' +
        '{{> button label="Visualizza i risultati" href=link}}{{> signature}}',
      reason: 'Ricevi questa e-mail perché hai avviato questa azione di massa su Cohort.',
    },
  },
};
