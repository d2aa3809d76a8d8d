import { PersonView } from '@cohort/contracts';
import { Decision, personNotFound, skippedBecause } from '@cohort/messaging';
import { CertificateArtifactDoc, CertificateDoc } from '../../certificates/certificate';
import { CERTIFICATE } from '../../certificates/certificate.errors';

/** The certificates a download job puts in its ZIP for one person, and the language a missing PDF is rendered in. */
export interface CollectedCertificates {
  certificates: CertificateDoc[];
  language: string;
}

/**
 * Pure: which of a person's certificates the job's ZIP holds (those of `courseId` when given, all otherwise).
 * A redelivered chunk finds the row its first attempt recorded and answers with that count, writing nothing.
 */
export function decideDownloadCertificates(
  userId: string,
  person: PersonView | undefined,
  held: readonly CertificateDoc[],
  recorded: Pick<CertificateArtifactDoc, 'certificateIds'> | undefined,
  courseId: string | undefined,
): Decision<CollectedCertificates> {
  if (!person) return personNotFound('learning', userId);
  if (recorded) return { outcome: { userId, status: 'succeeded', data: { certificates: recorded.certificateIds.length } }, replayed: true };
  const certificates = courseId ? held.filter((c) => c.courseId === courseId) : [...held];
  if (certificates.length === 0) {
    const message = courseId ? `no certificate of course ${courseId}` : 'no certificate';
    return skippedBecause(userId, CERTIFICATE.NO_CERTIFICATE, message, 0);
  }
  return {
    outcome: { userId, status: 'succeeded', data: { certificates: certificates.length } },
    change: { certificates, language: person.language },
    preview: { before: certificates.length, after: certificates.length },
  };
}
