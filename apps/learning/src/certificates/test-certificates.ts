import { mongo } from 'mongoose';
import { PersonView, WorkChunk } from '@cohort/contracts';
import { CertificateArtifactDoc, CertificateDoc, certificateKey, verificationCodeFor } from './certificate';
import { CertificateFile } from './certificate-files.store';
import { CertificatePdfs, NewCertificate } from './certificate-pdfs';
import { CertificatesRepository } from './certificates.repository';
import { testPersonView } from '@cohort/testing/fixtures/person-view';

/** Shared by the certificate specs: people, records, work chunks and in-memory stores that log their writes. */

export function person(userId: string, over: Partial<PersonView> = {}): PersonView {
  return testPersonView(userId, { name: `Name ${userId}`, ...over });
}

export function certificate(userId: string, certificateId: string, over: Partial<CertificateDoc> = {}): CertificateDoc {
  return {
    _id: certificateKey('t', certificateId),
    tenantId: 't',
    userId,
    certificateId,
    title: 'Safety',
    personName: `Name ${userId}`,
    verificationCode: verificationCodeFor(certificateId),
    issuedAt: new Date('2030-01-01T00:00:00Z'),
    fileId: new mongo.ObjectId(),
    jobId: 'old-job',
    ...over,
  };
}

export function work(action: string, userIds: string[], params: Record<string, unknown>, over: Partial<WorkChunk> = {}): WorkChunk {
  return { jobId: 'j', step: 0, chunk: 3, attempt: 1, tenantId: 't', action, params, userIds, ...over };
}

/** The certificate records and download rows in memory, with the PDF store's renders and uploads as a log. */
export class MemoryCertificates {
  readonly docs = new Map<string, CertificateDoc>();
  readonly rows = new Map<string, CertificateArtifactDoc>();
  readonly log: string[] = [];
  failOn?: string;

  constructor(docs: CertificateDoc[] = []) {
    for (const d of docs) this.docs.set(d.certificateId, d);
  }

  get repository(): CertificatesRepository {
    return {
      ofPeople: async (_t: string, ids: string[]) => {
        const held = new Map<string, CertificateDoc[]>();
        for (const d of this.docs.values()) if (ids.includes(d.userId)) held.set(d.userId, [...(held.get(d.userId) ?? []), d]);
        return held;
      },
      insert: async (doc: CertificateDoc) => {
        this.fail('insert');
        this.log.push(`insert ${doc.userId}`);
        if (this.docs.has(doc.certificateId)) return false;
        this.docs.set(doc.certificateId, doc);
        return true;
      },
      artifactRows: async (_t: string, jobId: string, ids: string[]) =>
        new Map([...this.rows.values()].filter((r) => r.jobId === jobId && ids.includes(r.userId)).map((r) => [r.userId, r])),
      recordArtifacts: async (rows: CertificateArtifactDoc[]) => {
        if (rows.length === 0) return;
        this.fail('record');
        for (const r of rows) if (!this.rows.has(r._id)) this.rows.set(r._id, r);
        this.log.push(`record ${rows.map((r) => r.userId).join(',')}`);
      },
    } as unknown as CertificatesRepository;
  }

  get pdfs(): CertificatePdfs {
    return {
      issue: async (cert: NewCertificate, language: string, now: Date): Promise<CertificateDoc> => {
        this.fail('render');
        this.log.push(`render ${cert.userId} ${language}`);
        return { _id: certificateKey(cert.tenantId, cert.certificateId), ...cert, issuedAt: now, fileId: new mongo.ObjectId() };
      },
      fileOf: async (doc: CertificateDoc, language: string): Promise<CertificateFile> => {
        this.fail('render');
        this.log.push(`render ${doc.certificateId} ${language}`);
        const fileId = new mongo.ObjectId();
        this.docs.set(doc.certificateId, { ...doc, fileId });
        return {
          fileId,
          length: 1,
          metadata: { tenantId: doc.tenantId, userId: doc.userId, certificateId: doc.certificateId, issuedAt: doc.issuedAt },
        };
      },
    } as unknown as CertificatePdfs;
  }

  private fail(what: string): void {
    if (this.failOn === what) throw new Error(`${what} failed`);
  }
}
