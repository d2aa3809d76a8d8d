import { Language } from '@cohort/contracts';

/** The fixed words printed on a certificate around its title, name, course, date and code. */
export interface CertificateLabels {
  awardedTo: string;
  forCourse: string;
  issuedOn: string;
  verificationCode: string;
}

const LABELS: Record<Language, CertificateLabels> = {
  en: { awardedTo: 'Awarded to', forCourse: 'for the course', issuedOn: 'Date of issue', verificationCode: 'Verification code' },
  nl: { awardedTo: 'Uitgereikt aan', forCourse: 'voor de cursus', issuedOn: 'Datum van uitgifte', verificationCode: 'Verificatiecode' },
  de: { awardedTo: 'Verliehen an', forCourse: 'für den Kurs', issuedOn: 'Ausstellungsdatum', verificationCode: 'Prüfcode' },
  fr: { awardedTo: 'Décerné à', forCourse: 'pour le cours', issuedOn: 'Date de délivrance', verificationCode: 'Code de vérification' },
  es: { awardedTo: 'Otorgado a', forCourse: 'por el curso', issuedOn: 'Fecha de emisión', verificationCode: 'Código de verificación' },
  it: { awardedTo: 'Conferito a', forCourse: 'per il corso', issuedOn: 'Data di rilascio', verificationCode: 'Codice di verifica' },
  pt: { awardedTo: 'Atribuído a', forCourse: 'pelo curso', issuedOn: 'Data de emissão', verificationCode: 'Código de verificação' },
  pl: { awardedTo: 'Przyznano', forCourse: 'za kurs', issuedOn: 'Data wystawienia', verificationCode: 'Kod weryfikacyjny' },
  sv: { awardedTo: 'Tilldelat', forCourse: 'för kursen', issuedOn: 'Utfärdat', verificationCode: 'Verifieringskod' },
  da: { awardedTo: 'Tildelt', forCourse: 'for kurset', issuedOn: 'Udstedt', verificationCode: 'Verifikationskode' },
  fi: { awardedTo: 'Myönnetty', forCourse: 'kurssista', issuedOn: 'Myöntämispäivä', verificationCode: 'Tarkistuskoodi' },
  nb: { awardedTo: 'Tildelt', forCourse: 'for kurset', issuedOn: 'Utstedt', verificationCode: 'Verifiseringskode' },
};

/** The labels in the person's language; English for a language Cohort does not write (e.g. `en-GB` → en). */
export function certificateLabels(language: string): CertificateLabels {
  const base = language.toLowerCase().split(/[-_]/)[0] as Language;
  return Object.hasOwn(LABELS, base) ? LABELS[base] : LABELS.en;
}

/** The issue date as the person reads dates (`23 November 2026`, `23. November 2026`, ...): UTC, so every reader sees one day. */
export function formatIssueDate(issuedAt: Date, language: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(language, options).format(issuedAt);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(issuedAt); // not a language tag at all
  }
}
