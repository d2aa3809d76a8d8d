import { LanguageTemplates } from '../template-types';

/**
 * Polish (informal "Ty", as usual in Polish product e-mail, with the pronouns capitalised as in a letter;
 * gender-neutral wording instead of past-tense verbs that would agree with the reader, and the course
 * count in parentheses so no plural form of "kurs" has to agree with it).
 */
export const PL: LanguageTemplates = {
  greeting: '<p>{{#if name}}Cześć, {{name}}!{{else}}Cześć!{{/if}}</p>',
  signature: '<p>Pozdrawiamy<br>Zespół Cohort</p>',
  automated: 'To jest wiadomość wysłana automatycznie; odpowiedzi na nią nie są czytane.',
  kinds: {
    invitation: {
      subject: 'Zaproszenie do Cohort',
      body:
        '{{> greeting}}<p>{{#if inviterName}}{{inviterName}} zaprasza Cię{{else}}Zapraszamy Cię{{/if}} do dołączenia do {{#if tenantName}}{{tenantName}} w {{/if}}Cohort.</p>' +
        '<p>Przyjmij zaproszenie i ustaw swoje hasło:</p>{{> button label="Przyjmij zaproszenie" href=link}}' +
        '<p>Nie spodziewasz się tego zaproszenia? Możesz zignorować tę wiadomość.</p>{{> signature}}',
      reason: 'Otrzymujesz tę wiadomość, ponieważ ten adres e-mail został zaproszony do Cohort.',
    },
    'password-reset': {
      subject: 'Zresetuj hasło do Cohort',
      body:
        '{{> greeting}}<p>Otrzymaliśmy prośbę o nowe hasło do Twojego konta w Cohort.</p>{{> button label="Ustaw nowe hasło" href=link}}' +
        '<p>Link jest ważny do {{dateTime expiresAt}}.</p>' +
        '<p>To nie Ty? Możesz zignorować tę wiadomość – Twoje hasło pozostanie bez zmian.</p>{{> signature}}',
      reason: 'Otrzymujesz tę wiadomość, ponieważ poproszono o nowe hasło do Twojego konta w Cohort.',
    },
    notification: {
      subject: '{{subject}}',
      body: '{{> greeting}}{{paragraphs body}}{{> button label="Otwórz w Cohort" href=link}}{{> signature}}',
      reason: 'Otrzymujesz tę wiadomość, ponieważ masz konto w Cohort i wysłano Ci powiadomienie.',
    },
    'certificate-awarded': {
      subject: 'Twój certyfikat: {{courseTitle}}',
      body:
        '{{> greeting}}<p>Gratulacje z okazji ukończenia kursu <strong>{{courseTitle}}</strong>! Twój certyfikat jest już gotowy.</p>' +
        '{{> button label="Pobierz certyfikat" href=link}}{{> signature}}',
      reason: 'Otrzymujesz tę wiadomość w związku z ukończeniem kursu w Cohort.',
    },
    'task-assigned': {
      subject: 'Nowe zadanie: {{taskTitle}}',
      body:
        '{{> greeting}}<p>Przypisano Ci nowe zadanie: <strong>{{taskTitle}}</strong>.</p>' +
        '{{#if dueDate}}<p>Termin wykonania: {{date dueDate}}.</p>{{/if}}{{> button label="Zobacz zadanie" href=link}}{{> signature}}',
      reason: 'Otrzymujesz tę wiadomość, ponieważ przypisano Ci zadanie w Cohort.',
    },
    enrolled: {
      subject: '{{#if courseTitles.[1]}}Zapisano Cię na kursy ({{courseTitles.length}}){{else}}Zapisano Cię na kurs {{courseTitles.[0]}}{{/if}}',
      body:
        '{{> greeting}}<p>Zapisano Cię na {{#if courseTitles.[1]}}następujące kursy{{else}}następujący kurs{{/if}}:</p>' +
        '<ul>{{#each courseTitles}}<li>{{this}}</li>{{/each}}</ul>{{> button label="Zacznij naukę" href=link}}{{> signature}}',
      reason: 'Otrzymujesz tę wiadomość, ponieważ zapisano Cię na kurs w Cohort.',
    },
    'job-finished': {
      subject: 'Twoja operacja zbiorcza „{{actionTitle}}” została zakończona',
      body:
        '{{> greeting}}<p>Twoja operacja zbiorcza <strong>{{actionTitle}}</strong> została zakończona:</p>' +
        '<ul><li>Zakończone powodzeniem: {{counts.succeeded}}</li><li>Pominięte: {{counts.skipped}}</li><li>Nieudane: {{counts.failed}}</li><li>Anulowane: {{counts.cancelled}}</li></ul>' +
        '{{> button label="Zobacz wyniki" href=link}}{{> signature}}',
      reason: 'Otrzymujesz tę wiadomość, ponieważ ta operacja zbiorcza została uruchomiona z Twojego konta w Cohort.',
    },
  },
};
