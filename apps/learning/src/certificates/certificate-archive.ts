import { once } from 'node:events';
import { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import archiver from 'archiver';
import { CertificatePdfs, FALLBACK_LANGUAGE } from './certificate-pdfs';
import { CertificatesRepository } from './certificates.repository';
import { EntryNames } from './certificate-entry-names';

/**
 * The ZIP of a download-certificates job, written as it is read: the job's rows come through a store cursor
 * and each PDF is appended only when the previous entry is written, so memory holds one PDF's chunks at
 * most, whatever the number of people, and a slow client slows the reads (backpressure through `out`).
 */
@Injectable()
export class CertificateArchive {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly pdfs: CertificatePdfs,
  ) {}

  /** Whether the job collected any certificate (no ZIP otherwise). */
  exists(tenantId: string, jobId: string): Promise<boolean> {
    return this.certificates.hasArtifact(tenantId, jobId);
  }

  /**
   * Writes the ZIP to `out`; stops early (closing the cursor) when `signal` aborts, e.g. the client left.
   * A certificate erased since the job ran is left out. Rejects on a store or archive failure.
   */
  async write(tenantId: string, jobId: string, out: Writable, signal: AbortSignal): Promise<void> {
    const archive = archiver('zip', { store: true }); // PDFs are compressed already
    const failed = new AbortController();
    archive.on('error', (err) => failed.abort(err)); // also between entries (an 'error' nobody hears would crash the process)
    const stop = AbortSignal.any([signal, failed.signal]);
    const names = new EntryNames();
    const cursor = this.certificates.artifactCursor(tenantId, jobId);
    archive.pipe(out);
    try {
      for await (const row of cursor) {
        for (const certificateId of row.certificateIds) {
          stop.throwIfAborted();
          const doc = await this.certificates.findOne(tenantId, certificateId);
          if (!doc || doc.userId !== row.userId) continue;
          const file = await this.pdfs.fileOf(doc, FALLBACK_LANGUAGE);
          const written = once(archive, 'entry', { signal: stop });
          archive.append(this.pdfs.open(file), { name: names.next(doc), date: new Date(doc.issuedAt) });
          await written;
        }
      }
      await Promise.all([once(out, 'finish', { signal: stop }), archive.finalize()]);
    } catch (err) {
      archive.abort();
      throw failed.signal.aborted ? failed.signal.reason : err;
    } finally {
      await cursor.close();
    }
  }
}
