import { LanguageTemplates } from '../template-types';

/** French (formal "vous"; a no-break space before ":", "?" and "!" as French typography wants). */
export const FR: LanguageTemplates = {
  greeting: '<p>{{#if name}}Bonjour {{name}},{{else}}Bonjour,{{/if}}</p>',
  signature: '<p>Cordialement,<br>L’équipe Cohort</p>',
  automated: 'Ceci est un message automatique\u00a0; les réponses ne sont pas lues.',
  kinds: {
    invitation: {
      subject: 'Invitation à rejoindre Cohort',
      body:
        '{{> greeting}}<p>{{#if inviterName}}{{inviterName}} vous invite{{else}}Vous êtes invité(e){{/if}} à rejoindre {{#if tenantName}}{{tenantName}} sur {{/if}}Cohort.</p>' +
        '<p>Acceptez l’invitation et choisissez votre mot de passe\u00a0:</p>{{> button label="Accepter l’invitation" href=link}}' +
        '<p>Vous n’attendiez pas cette invitation\u00a0? Vous pouvez ignorer cet e-mail.</p>{{> signature}}',
      reason: 'Vous recevez cet e-mail parce que cette adresse a été invitée à rejoindre Cohort.',
    },
    'password-reset': {
      subject: 'Réinitialisez votre mot de passe Cohort',
      body:
        '{{> greeting}}<p>Un nouveau mot de passe a été demandé pour votre compte Cohort.</p>{{> button label="Choisir un nouveau mot de passe" href=link}}' +
        '<p>Ce lien est valable jusqu’au {{dateTime expiresAt}}.</p>' +
        '<p>Vous n’êtes pas à l’origine de cette demande\u00a0? Vous pouvez ignorer cet e-mail\u00a0: votre mot de passe reste inchangé.</p>{{> signature}}',
      reason: 'Vous recevez cet e-mail parce qu’un nouveau mot de passe a été demandé pour votre compte Cohort.',
    },
    notification: {
      subject: '{{subject}}',
      body: '{{> greeting}}{{paragraphs body}}{{> button label="Ouvrir dans Cohort" href=link}}{{> signature}}',
      reason: 'Vous recevez cet e-mail parce que vous avez un compte Cohort et qu’un message vous a été envoyé.',
    },
    'certificate-awarded': {
      subject: 'Votre certificat pour {{courseTitle}}',
      body:
        '{{> greeting}}<p>Félicitations\u00a0! Vous avez terminé <strong>{{courseTitle}}</strong> et obtenu un certificat.</p>' +
        '{{> button label="Télécharger votre certificat" href=link}}{{> signature}}',
      reason: 'Vous recevez cet e-mail parce que vous avez terminé un cours sur Cohort.',
    },
    'task-assigned': {
      subject: 'Nouvelle tâche\u00a0: {{taskTitle}}',
      body:
        '{{> greeting}}<p>Une nouvelle tâche vous a été attribuée\u00a0: <strong>{{taskTitle}}</strong>.</p>' +
        '{{#if dueDate}}<p>Merci de la terminer d’ici le {{date dueDate}}.</p>{{/if}}{{> button label="Voir la tâche" href=link}}{{> signature}}',
      reason: 'Vous recevez cet e-mail parce qu’une tâche vous a été attribuée sur Cohort.',
    },
    enrolled: {
      subject:
        '{{#if courseTitles.[1]}}Vous êtes inscrit(e) à {{courseTitles.length}} cours{{else}}Vous êtes inscrit(e) à {{courseTitles.[0]}}{{/if}}',
      body:
        '{{> greeting}}<p>Vous avez été inscrit(e) {{#if courseTitles.[1]}}aux cours suivants{{else}}au cours suivant{{/if}}\u00a0:</p>' +
        '<ul>{{#each courseTitles}}<li>{{this}}</li>{{/each}}</ul>{{> button label="Commencer" href=link}}{{> signature}}',
      reason: 'Vous recevez cet e-mail parce que vous avez été inscrit(e) à un cours sur Cohort.',
    },
    'job-finished': {
      subject: 'Votre action groupée «\u00a0{{actionTitle}}\u00a0» est terminée',
      body:
        '{{> greeting}}<p>Votre action groupée <strong>{{actionTitle}}</strong> est terminée\u00a0:</p>' +
        '<ul><li>Réussi\u00a0: {{counts.succeeded}}</li><li>Ignoré\u00a0: {{counts.skipped}}</li><li>Échoué\u00a0: {{counts.failed}}</li><li>Annulé\u00a0: {{counts.cancelled}}</li></ul>' +
        '{{> button label="Voir les résultats" href=link}}{{> signature}}',
      reason: 'Vous recevez cet e-mail parce que vous avez lancé cette action groupée dans Cohort.',
    },
  },
};
