import { LanguageTemplates } from '../template-types';

/**
 * Portuguese (European Portuguese, formal third person without "você", as usual in Portuguese product
 * e-mail; gender-neutral wording where a participle would agree with the reader).
 */
export const PT: LanguageTemplates = {
  greeting: '<p>{{#if name}}Olá, {{name}},{{else}}Olá,{{/if}}</p>',
  signature: '<p>Com os melhores cumprimentos,<br>A equipa Cohort</p>',
  automated: 'Esta é uma mensagem automática; as respostas a este e-mail não são lidas.',
  kinds: {
    invitation: {
      subject: 'Convite para aderir ao Cohort',
      body:
        '{{> greeting}}<p>{{#if inviterName}}{{inviterName}} enviou-lhe um convite{{else}}Recebeu um convite{{/if}} para se juntar {{#if tenantName}}a {{tenantName}} no {{else}}ao {{/if}}Cohort.</p>' +
        '<p>Aceite o convite e escolha a sua palavra-passe:</p>{{> button label="Aceitar o convite" href=link}}' +
        '<p>Não estava à espera deste convite? Pode ignorar este e-mail.</p>{{> signature}}',
      reason: 'Recebe este e-mail porque este endereço foi convidado para o Cohort.',
    },
    'password-reset': {
      subject: 'Redefina a sua palavra-passe do Cohort',
      body:
        '{{> greeting}}<p>Foi pedida uma nova palavra-passe para a sua conta Cohort.</p>{{> button label="Escolher uma nova palavra-passe" href=link}}' +
        '<p>Este link é válido até {{dateTime expiresAt}}.</p>' +
        '<p>Não fez este pedido? Pode ignorar este e-mail: a sua palavra-passe mantém-se inalterada.</p>{{> signature}}',
      reason: 'Recebe este e-mail porque foi pedida uma nova palavra-passe para a sua conta Cohort.',
    },
    notification: {
      subject: '{{subject}}',
      body: '{{> greeting}}{{paragraphs body}}{{> button label="Abrir no Cohort" href=link}}{{> signature}}',
      reason: 'Recebe este e-mail porque tem uma conta Cohort e lhe foi enviada uma mensagem.',
    },
    'certificate-awarded': {
      subject: 'O seu certificado de {{courseTitle}}',
      body:
        '{{> greeting}}<p>Parabéns! Concluiu <strong>{{courseTitle}}</strong> e obteve um certificado.</p>' +
        '{{> button label="Transferir o certificado" href=link}}{{> signature}}',
      reason: 'Recebe este e-mail porque concluiu um curso no Cohort.',
    },
    'task-assigned': {
      subject: 'Nova tarefa: {{taskTitle}}',
      body:
        '{{> greeting}}<p>Foi-lhe atribuída uma nova tarefa: <strong>{{taskTitle}}</strong>.</p>' +
        '{{#if dueDate}}<p>Conclua-a até {{date dueDate}}.</p>{{/if}}{{> button label="Ver a tarefa" href=link}}{{> signature}}',
      reason: 'Recebe este e-mail porque lhe foi atribuída uma tarefa no Cohort.',
    },
    enrolled: {
      subject: '{{#if courseTitles.[1]}}Inscrição em {{courseTitles.length}} cursos{{else}}Inscrição em {{courseTitles.[0]}}{{/if}}',
      body:
        '{{> greeting}}<p>Foi feita a sua inscrição {{#if courseTitles.[1]}}nos seguintes cursos{{else}}no seguinte curso{{/if}}:</p>' +
        '<ul>{{#each courseTitles}}<li>{{this}}</li>{{/each}}</ul>{{> button label="Começar a aprender" href=link}}{{> signature}}',
      reason: 'Recebe este e-mail porque foi feita a sua inscrição num curso no Cohort.',
    },
    'job-finished': {
      subject: 'A sua ação em massa «{{actionTitle}}» foi concluída',
      body:
        '{{> greeting}}<p>A sua ação em massa <strong>{{actionTitle}}</strong> foi concluída:</p>' +
        '<ul><li>Bem-sucedidas: {{counts.succeeded}}</li><li>Ignoradas: {{counts.skipped}}</li><li>Falhadas: {{counts.failed}}</li><li>Canceladas: {{counts.cancelled}}</li></ul>' +
        '{{> button label="Ver os resultados" href=link}}{{> signature}}',
      reason: 'Recebe este e-mail porque iniciou esta ação em massa no Cohort.',
    },
  },
};
