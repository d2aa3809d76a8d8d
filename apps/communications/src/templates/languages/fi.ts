import { LanguageTemplates } from '../template-types';

/** Finnish (informal "sinä", as usual in Finnish product e-mail; "Cohort" inflects like any brand name: Cohortiin, Cohortissa). */
export const FI: LanguageTemplates = {
  greeting: '<p>{{#if name}}Hei {{name}},{{else}}Hei,{{/if}}</p>',
  signature: '<p>Ystävällisin terveisin<br>Cohort-tiimi</p>',
  automated: 'Tämä on automaattinen viesti, eikä siihen lähetettyjä vastauksia lueta.',
  kinds: {
    invitation: {
      subject: 'Kutsu Cohortiin',
      body:
        '{{> greeting}}<p>{{#if inviterName}}{{inviterName}} on kutsunut sinut{{else}}Sinut on kutsuttu{{/if}} liittymään {{#if tenantName}}organisaatioon {{tenantName}} Cohortissa{{else}}Cohortiin{{/if}}.</p>' +
        '<p>Hyväksy kutsu ja valitse salasanasi:</p>{{> button label="Hyväksy kutsu" href=link}}' +
        '<p>Etkö odottanut tätä kutsua? Voit jättää tämän viestin huomiotta.</p>{{> signature}}',
      reason: 'Saat tämän viestin, koska tähän osoitteeseen on lähetetty kutsu Cohortiin.',
    },
    'password-reset': {
      subject: 'Vaihda Cohort-salasanasi',
      body:
        '{{> greeting}}<p>Cohort-tilillesi on pyydetty uutta salasanaa.</p>{{> button label="Valitse uusi salasana" href=link}}' +
        '<p>Linkki on voimassa {{dateTime expiresAt}} asti.</p>' +
        '<p>Etkö pyytänyt tätä? Voit jättää tämän viestin huomiotta – salasanasi pysyy ennallaan.</p>{{> signature}}',
      reason: 'Saat tämän viestin, koska Cohort-tilillesi on pyydetty uutta salasanaa.',
    },
    notification: {
      subject: '{{subject}}',
      body: '{{> greeting}}{{paragraphs body}}{{> button label="Avaa Cohortissa" href=link}}{{> signature}}',
      reason: 'Saat tämän viestin, koska sinulla on Cohort-tili ja sinulle on lähetetty viesti.',
    },
    'certificate-awarded': {
      subject: 'Todistuksesi kurssista {{courseTitle}}',
      body:
        '{{> greeting}}<p>Onnittelut! Olet suorittanut kurssin <strong>{{courseTitle}}</strong> ja saanut todistuksen.</p>' +
        '{{> button label="Lataa todistus" href=link}}{{> signature}}',
      reason: 'Saat tämän viestin, koska olet suorittanut kurssin Cohortissa.',
    },
    'task-assigned': {
      subject: 'Uusi tehtävä: {{taskTitle}}',
      body:
        '{{> greeting}}<p>Sinulle on annettu uusi tehtävä: <strong>{{taskTitle}}</strong>.</p>' +
        '{{#if dueDate}}<p>Suorita tehtävä viimeistään {{date dueDate}}.</p>{{/if}}{{> button label="Näytä tehtävä" href=link}}{{> signature}}',
      reason: 'Saat tämän viestin, koska sinulle on annettu tehtävä Cohortissa.',
    },
    enrolled: {
      subject:
        '{{#if courseTitles.[1]}}Sinut on ilmoitettu {{courseTitles.length}} kurssille{{else}}Sinut on ilmoitettu kurssille {{courseTitles.[0]}}{{/if}}',
      body:
        '{{> greeting}}<p>Sinut on ilmoitettu {{#if courseTitles.[1]}}seuraaville kursseille{{else}}seuraavalle kurssille{{/if}}:</p>' +
        '<ul>{{#each courseTitles}}<li>{{this}}</li>{{/each}}</ul>{{> button label="Aloita opiskelu" href=link}}{{> signature}}',
      reason: 'Saat tämän viestin, koska sinut on ilmoitettu kurssille Cohortissa.',
    },
    'job-finished': {
      subject: 'Joukkotoimintosi ”{{actionTitle}}” on valmis',
      body:
        '{{> greeting}}<p>Joukkotoimintosi <strong>{{actionTitle}}</strong> on valmis:</p>' +
        '<ul><li>Onnistuneet: {{counts.succeeded}}</li><li>Ohitetut: {{counts.skipped}}</li><li>Epäonnistuneet: {{counts.failed}}</li><li>Perutut: {{counts.cancelled}}</li></ul>' +
        '{{> button label="Näytä tulokset" href=link}}{{> signature}}',
      reason: 'Saat tämän viestin, koska käynnistit tämän joukkotoiminnon Cohortissa.',
    },
  },
};
