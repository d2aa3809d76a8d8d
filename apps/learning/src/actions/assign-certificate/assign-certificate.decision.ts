import { PersonView } from '@cohort/contracts';
import { Decision, failedBecause, personNotFound, skippedBecause } from '@cohort/messaging';
import { awardedMail, CertificateDoc, certificateIdFor, sameAward, verificationCodeFor } from '../../certificates/certificate';
import { CERTIFICATE } from '../../certificates/certificate.errors';
import { NewCertificate } from '../../certificates/certificate-pdfs';
import { isInactive } from '../../learners/learner';
import { LEARNING } from '../../learning.errors';

/** A certificate to render, store and record for one person, and the language its date is printed in. */
export interface CertificateIssue {
  certificate: NewCertificate;
  language: string;
}

export interface AssignCertificateContext {
  tenantId: string;
  jobId: string;
  title: string;
  courseId?: string;
  /** the course's catalogue title; absent when no course is given, or when the tenant has no such course */
  courseTitle?: string;
}

/**
 * Pure: what awarding the job's certificate to one person means. The certificate's id comes from (job,
 * person), so a redelivered chunk finds the record its first attempt wrote: the same success and the same
 * e-mail data, nothing written. `before` → `after` (dry run) is the titles of the certificates they hold.
 */
export function decideAssignCertificate(
  userId: string,
  person: PersonView | undefined,
  held: readonly CertificateDoc[],
  ctx: AssignCertificateContext,
): Decision<CertificateIssue> {
  if (!person) return personNotFound('learning', userId);
  const certificateId = certificateIdFor(ctx.tenantId, ctx.jobId, userId);
  const recorded = held.find((c) => c.certificateId === certificateId);
  if (recorded) return { outcome: { userId, status: 'succeeded', data: awardedMail(recorded) }, replayed: true };
  if (ctx.courseId && ctx.courseTitle === undefined) return failedBecause(userId, LEARNING.COURSE_NOT_FOUND, `course ${ctx.courseId} not found`);
  const titles = held.map((c) => c.title);
  if (isInactive(person))
    return skippedBecause(userId, LEARNING.PERSON_INACTIVE, `the person is ${person.status}: no new certificate is awarded`, titles);
  if (held.some((c) => sameAward(c, ctx.title, ctx.courseId))) {
    return skippedBecause(userId, CERTIFICATE.ALREADY_CERTIFIED, `already holds the certificate "${ctx.title}"`, titles);
  }
  const certificate: NewCertificate = {
    tenantId: ctx.tenantId,
    userId,
    certificateId,
    title: ctx.title,
    ...(ctx.courseId && { courseId: ctx.courseId, courseTitle: ctx.courseTitle }),
    personName: person.name,
    verificationCode: verificationCodeFor(certificateId),
    jobId: ctx.jobId,
  };
  return {
    outcome: { userId, status: 'succeeded', data: awardedMail(certificate) },
    change: { certificate, language: person.language },
    preview: { before: titles, after: [...titles, ctx.title] },
  };
}
