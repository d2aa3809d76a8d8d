import { createHash } from 'node:crypto';
import { mongo } from 'mongoose';
import { LearningMail } from '@cohort/contracts';

/**
 * A certificate awarded to a person (`certificates`, `_id` = `<tenant>:<certificateId>`). The person view
 * lists these (newest first), the PDF route and the certificates ZIP print from them. `personName` is the
 * name at issue time: a certificate is a document of that moment, not a live profile.
 */
export interface CertificateDoc {
  _id: string;
  tenantId: string;
  userId: string;
  certificateId: string;
  title: string;
  courseId?: string;
  courseTitle?: string;
  personName: string;
  verificationCode: string;
  issuedAt: Date;
  /** the PDF in the GridFS bucket `certificate_files`; absent for a record whose PDF was never rendered (seeded) */
  fileId?: mongo.ObjectId;
  /** the assign-certificate job that awarded it */
  jobId: string;
}

/** What a download-certificates job collected for one person (`certificate_artifacts`, `_id` = `<jobId>:<userId>`). */
export interface CertificateArtifactDoc {
  _id: string;
  tenantId: string;
  jobId: string;
  userId: string;
  certificateIds: string[];
  chunk: number;
}

export function certificateKey(tenantId: string, certificateId: string): string {
  return `${tenantId}:${certificateId}`;
}

export function artifactKey(jobId: string, userId: string): string {
  return `${jobId}:${userId}`;
}

/** The GridFS filename of a certificate's PDF: what lets a retry find the upload of a crashed attempt. */
export function pdfFilename(certificateId: string): string {
  return `${certificateId}.pdf`;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** Readable on paper and over the phone: no 0/O, 1/I/L, and no U (31 − 1 = 30 symbols). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * The id of the certificate a job awards a person: derived, not random, so a redelivered or retried chunk
 * finds the record (and the uploaded PDF) of its earlier attempt instead of awarding a second certificate.
 * `crt-` and 24 base32 characters (120 bits of sha256).
 */
export function certificateIdFor(tenantId: string, jobId: string, userId: string): string {
  const digest = sha256(`certificate\u0000${tenantId}\u0000${jobId}\u0000${userId}`);
  let bits = '';
  for (const byte of digest.subarray(0, 15)) bits += byte.toString(2).padStart(8, '0');
  let id = '';
  for (let i = 0; i < bits.length; i += 5) id += BASE32[parseInt(bits.slice(i, i + 5), 2)];
  return `crt-${id}`;
}

/**
 * The code printed on a certificate that anyone can check it with: `XXXX-XXXX-XXXX` from an alphabet
 * without look-alike characters, derived from the certificate id (the same certificate always shows the
 * same code; 30^12 ≈ 5·10^17 codes).
 */
export function verificationCodeFor(certificateId: string): string {
  let n = BigInt(`0x${sha256(`verification\u0000${certificateId}`).toString('hex')}`);
  const base = BigInt(CODE_ALPHABET.length);
  let code = '';
  for (let i = 0; i < 12; i++) {
    code += CODE_ALPHABET[Number(n % base)];
    n /= base;
  }
  return code.match(/.{4}/g)!.join('-');
}

/** The shape of every verification code (what a verification form accepts). */
export const VERIFICATION_CODE = new RegExp(`^[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}$`);

/** Two awards are the same certificate when title and course match: a person holds it once. */
export function sameAward(doc: Pick<CertificateDoc, 'title' | 'courseId'>, title: string, courseId: string | undefined): boolean {
  return doc.title === title && (doc.courseId ?? undefined) === courseId;
}

/** What communications' send-certificate-awarded step gets for the person (the outcome's data). */
export function awardedMail(doc: Pick<CertificateDoc, 'certificateId' | 'courseTitle' | 'title'>): LearningMail {
  return { kind: 'certificate-awarded', courseTitle: doc.courseTitle ?? doc.title, certificateId: doc.certificateId };
}
