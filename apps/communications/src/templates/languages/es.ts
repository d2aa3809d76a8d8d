import { LanguageTemplates } from '../template-types';

/** Spanish (informal "tú", as usual in Spanish product e-mail). */
export const ES: LanguageTemplates = {
  greeting: '<p>{{#if name}}Hola, {{name}}:{{else}}Hola:{{/if}}</p>',
  signature: '<p>Un saludo,<br>El equipo de Cohort</p>',
  automated: 'Este es un mensaje automático; las respuestas no se leen.',
  kinds: {
    invitation: {
      subject: 'Te han invitado a Cohort',
      body:
        '{{> greeting}}<p>{{#if inviterName}}{{inviterName}} te ha invitado{{else}}Te han invitado{{/if}} a unirte a {{#if tenantName}}{{tenantName}} en {{/if}}Cohort.</p>' +
        '<p>Acepta la invitación y elige tu contraseña:</p>{{> button label="Aceptar la invitación" href=link}}' +
        '<p>¿No esperabas esta invitación? Puedes ignorar este correo.</p>{{> signature}}',
      reason: 'Recibes este correo porque esta dirección ha sido invitada a Cohort.',
    },
    'password-reset': {
      subject: 'Restablece tu contraseña de Cohort',
      body:
        '{{> greeting}}<p>Se ha solicitado una nueva contraseña para tu cuenta de Cohort.</p>{{> button label="Elegir una nueva contraseña" href=link}}' +
        '<p>Este enlace es válido hasta el {{dateTime expiresAt}}.</p>' +
        '<p>¿No lo has solicitado? Puedes ignorar este correo: tu contraseña no cambiará.</p>{{> signature}}',
      reason: 'Recibes este correo porque se ha solicitado una nueva contraseña para tu cuenta de Cohort.',
    },
    notification: {
      subject: '{{subject}}',
      body: '{{> greeting}}{{paragraphs body}}{{> button label="Abrir en Cohort" href=link}}{{> signature}}',
      reason: 'Recibes este correo porque tienes una cuenta de Cohort y se te ha enviado un mensaje.',
    },
    'certificate-awarded': {
      subject: 'Tu certificado de {{courseTitle}}',
      body:
        '{{> greeting}}<p>¡Enhorabuena! Has completado <strong>{{courseTitle}}</strong> y has obtenido un certificado.</p>' +
        '{{> button label="Descargar el certificado" href=link}}{{> signature}}',
      reason: 'Recibes este correo porque has completado un curso en Cohort.',
    },
    'task-assigned': {
      subject: 'Nueva tarea: {{taskTitle}}',
      body:
        '{{> greeting}}<p>Se te ha asignado una nueva tarea: <strong>{{taskTitle}}</strong>.</p>' +
        '{{#if dueDate}}<p>Complétala antes del {{date dueDate}}.</p>{{/if}}{{> button label="Ver la tarea" href=link}}{{> signature}}',
      reason: 'Recibes este correo porque se te ha asignado una tarea en Cohort.',
    },
    enrolled: {
      subject: '{{#if courseTitles.[1]}}Te han inscrito en {{courseTitles.length}} cursos{{else}}Te han inscrito en {{courseTitles.[0]}}{{/if}}',
      body:
        '{{> greeting}}<p>Te han inscrito en {{#if courseTitles.[1]}}los siguientes cursos{{else}}el siguiente curso{{/if}}:</p>' +
        '<ul>{{#each courseTitles}}<li>{{this}}</li>{{/each}}</ul>{{> button label="Empezar" href=link}}{{> signature}}',
      reason: 'Recibes este correo porque te han inscrito en un curso en Cohort.',
    },
    'job-finished': {
      subject: 'Tu acción masiva «{{actionTitle}}» ha finalizado',
      body:
        '{{> greeting}}<p>Tu acción masiva <strong>{{actionTitle}}</strong> ha finalizado:</p>' +
        '<ul><li>Correctas: {{counts.succeeded}}</li><li>Omitidas: {{counts.skipped}}</li><li>Fallidas: {{counts.failed}}</li><li>Canceladas: {{counts.cancelled}}</li></ul>' +
        '{{> button label="Ver los resultados" href=link}}{{> signature}}',
      reason: 'Recibes este correo porque iniciaste esta acción masiva en Cohort.',
    },
  },
};
