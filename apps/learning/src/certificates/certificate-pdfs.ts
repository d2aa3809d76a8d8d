import { Injectable } from '@nestjs/common';
import { CertificateDoc, certificateKey } from './certificate';
import { CertificateFile, CertificateFilesStore } from './certificate-files.store';
import { renderCertificatePdf } from './certificate-pdf';
import { CertificatesRepository } from './certificates.repository';

/** A PDF rendered for a route (a record that never had one) uses this language: the person's is not known there. */
export const FALLBACK_LANGUAGE = 'en';

/** A certificate about to be recorded: everything but where its PDF is and the date printed on it. */
export type NewCertificate = Omit<CertificateDoc, '_id' | 'fileId' | 'issuedAt'>;

/**
 * A certificate's PDF: rendered once, stored in GridFS, and found again by every later reader (a retried
 * chunk, the ZIP of a download job, the PDF route). The date printed is the one recorded.
 */
@Injectable()
export class CertificatePdfs {
  constructor(
    private readonly files: CertificateFilesStore,
    private readonly certificates: CertificatesRepository,
  ) {}

  /**
   * Renders and stores the PDF of a certificate about to be recorded, and returns the record to insert. A
   * PDF uploaded by an earlier attempt that crashed before recording is reused, with the date it shows.
   */
  async issue(cert: NewCertificate, language: string, now: Date): Promise<CertificateDoc> {
    const file = await this.files.storeOnce(
      { tenantId: cert.tenantId, userId: cert.userId, certificateId: cert.certificateId, issuedAt: now },
      (issuedAt) => renderCertificatePdf({ ...cert, issuedAt, language }),
    );
    return { _id: certificateKey(cert.tenantId, cert.certificateId), ...cert, issuedAt: new Date(file.metadata.issuedAt), fileId: file.fileId };
  }

  /** The stored PDF of a recorded certificate; one without (a seeded record) is rendered, stored and linked now. */
  async fileOf(doc: CertificateDoc, language: string): Promise<CertificateFile> {
    const linked = doc.fileId && (await this.files.findById(doc.tenantId, doc.fileId));
    if (linked) return linked;
    const issuedAt = new Date(doc.issuedAt);
    const file = await this.files.storeOnce({ tenantId: doc.tenantId, userId: doc.userId, certificateId: doc.certificateId, issuedAt }, () =>
      renderCertificatePdf({ ...doc, issuedAt, language }),
    );
    await this.certificates.linkFile(doc.tenantId, doc.certificateId, file.fileId);
    return file;
  }

  /**
   * A certificate of the tenant and its PDF, for the PDF route; undefined when there is no such certificate,
   * or when `userId` is given and is not the holder (a person's own page asks for theirs only).
   */
  async find(tenantId: string, certificateId: string, userId?: string): Promise<{ doc: CertificateDoc; file: CertificateFile } | undefined> {
    const doc = await this.certificates.findOne(tenantId, certificateId);
    if (!doc || (userId !== undefined && doc.userId !== userId)) return undefined;
    return { doc, file: await this.fileOf(doc, FALLBACK_LANGUAGE) };
  }

  /** The PDF's bytes (streamed). */
  open(file: CertificateFile) {
    return this.files.open(file.fileId);
  }
}
