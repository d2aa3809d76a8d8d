import { CertificateArchive } from './certificate-archive';
import { CertificateFilesStore } from './certificate-files.store';
import { CertificatePdfs } from './certificate-pdfs';
import { CertificatesRepository } from './certificates.repository';

/** The certificate records, their PDFs in GridFS, and the ZIP of a download job (learning.module.ts provides them). */
export const CERTIFICATE_PROVIDERS = [CertificatesRepository, CertificateFilesStore, CertificatePdfs, CertificateArchive];
