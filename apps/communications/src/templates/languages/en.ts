import { LanguageTemplates } from '../template-types';

/** English: also the fallback for every language without templates. */
export const EN: LanguageTemplates = {
  greeting: '<p>{{#if name}}Hello {{name}},{{else}}Hello,{{/if}}</p>',
  signature: '<p>Kind regards,<br>The Cohort team</p>',
  automated: 'This is an automated message; replies to it are not read.',
  kinds: {
    invitation: {
      subject: 'You are invited to Cohort',
      body:
        '{{> greeting}}<p>{{#if inviterName}}{{inviterName}} has invited you{{else}}You have been invited{{/if}} to join {{#if tenantName}}{{tenantName}} on {{/if}}Cohort.</p>' +
        '<p>Accept the invitation and choose your password:</p>{{> button label="Accept the invitation" href=link}}' +
        '<p>Did you not expect this invitation? Then you can ignore this e-mail.</p>{{> signature}}',
      reason: 'You receive this e-mail because this address was invited to Cohort.',
    },
    'password-reset': {
      subject: 'Reset your Cohort password',
      body:
        '{{> greeting}}<p>A new password was requested for your Cohort account.</p>{{> button label="Choose a new password" href=link}}' +
        '<p>This link works until {{dateTime expiresAt}}.</p>' +
        '<p>Did you not ask for this? Then you can ignore this e-mail: your password stays as it is.</p>{{> signature}}',
      reason: 'You receive this e-mail because a new password was requested for your Cohort account.',
    },
    notification: {
      subject: '{{subject}}',
      body: '{{> greeting}}{{paragraphs body}}{{> button label="Open in Cohort" href=link}}{{> signature}}',
      reason: 'You receive this e-mail because you have a Cohort account and a message was sent to you.',
    },
    'certificate-awarded': {
      subject: 'Your certificate for {{courseTitle}}',
      body:
        '{{> greeting}}<p>Congratulations! You have completed <strong>{{courseTitle}}</strong> and earned a certificate.</p>' +
        '{{> button label="Download your certificate" href=link}}{{> signature}}',
      reason: 'You receive this e-mail because you completed a course on Cohort.',
    },
    'task-assigned': {
      subject: 'New task: {{taskTitle}}',
      body:
        '{{> greeting}}<p>A new task has been assigned to you: <strong>{{taskTitle}}</strong>.</p>' +
        '{{#if dueDate}}<p>Please complete it by {{date dueDate}}.</p>{{/if}}{{> button label="View the task" href=link}}{{> signature}}',
      reason: 'You receive this e-mail because a task was assigned to you on Cohort.',
    },
    enrolled: {
      subject: '{{#if courseTitles.[1]}}You are enrolled in {{courseTitles.length}} courses{{else}}You are enrolled in {{courseTitles.[0]}}{{/if}}',
      body:
        '{{> greeting}}<p>You have been enrolled in {{#if courseTitles.[1]}}these courses{{else}}this course{{/if}}:</p>' +
        '<ul>{{#each courseTitles}}<li>{{this}}</li>{{/each}}</ul>{{> button label="Start learning" href=link}}{{> signature}}',
      reason: 'You receive this e-mail because you were enrolled in a course on Cohort.',
    },
    'job-finished': {
      subject: 'Your batch action “{{actionTitle}}” has finished',
      body:
        '{{> greeting}}<p>Your batch action <strong>{{actionTitle}}</strong> has finished:</p>' +
        '<ul><li>Succeeded: {{counts.succeeded}}</li><li>Skipped: {{counts.skipped}}</li><li>Failed: {{counts.failed}}</li><li>Cancelled: {{counts.cancelled}}</li></ul>' +
        '{{> button label="View the results" href=link}}{{> signature}}',
      reason: 'You receive this e-mail because you started this batch action in Cohort.',
    },
  },
};
