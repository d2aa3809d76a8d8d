import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { pdfFilename } from './certificate';

export const CERTIFICATE_BUCKET = 'certificate_files';

/** Who a stored PDF belongs to (the GridFS file's metadata): what erase-person finds a person's files by. */
export interface CertificateFileMeta {
  tenantId: string;
  userId: string;
  certificateId: string;
  /** the date printed on the PDF: a retry that reuses the file records the same date */
  issuedAt: Date;
}

/** A stored certificate PDF. */
export interface CertificateFile {
  fileId: mongo.ObjectId;
  length: number;
  metadata: CertificateFileMeta;
}

type FileDoc = mongo.GridFSFile & { metadata: CertificateFileMeta };

/**
 * The certificate PDFs: the GridFS bucket `certificate_files` on learning's database (works on MongoDB and
 * on FerretDB 1.x), one file `<certificateId>.pdf` per certificate. The only place that touches the bucket.
 */
@Injectable()
export class CertificateFilesStore {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get bucket(): mongo.GridFSBucket {
    return new mongo.GridFSBucket(this.connection.db!, { bucketName: CERTIFICATE_BUCKET });
  }

  private get files(): mongo.Collection<FileDoc> {
    return this.connection.collection<FileDoc>(`${CERTIFICATE_BUCKET}.files`);
  }

  private get chunks(): mongo.Collection {
    return this.connection.collection(`${CERTIFICATE_BUCKET}.chunks`);
  }

  /**
   * The stored PDF of a certificate: the oldest upload when two racing attempts both uploaded (every reader
   * picks the same one). An upload cut short has no files document (the driver writes it last), so it is never found.
   */
  async find(tenantId: string, certificateId: string): Promise<CertificateFile | undefined> {
    const [doc] = await this.files
      .find({ filename: pdfFilename(certificateId), 'metadata.tenantId': tenantId })
      .sort({ uploadDate: 1, _id: 1 })
      .limit(1)
      .toArray();
    return doc && { fileId: doc._id, length: doc.length, metadata: doc.metadata };
  }

  async findById(tenantId: string, fileId: mongo.ObjectId): Promise<CertificateFile | undefined> {
    const doc = await this.files.findOne({ _id: fileId });
    return doc && doc.metadata?.tenantId === tenantId ? { fileId: doc._id, length: doc.length, metadata: doc.metadata } : undefined;
  }

  /**
   * Stores a certificate's PDF unless an earlier attempt did (same filename): that upload is reused, so a
   * retried chunk never leaves a second file. Returns the file kept.
   */
  async storeOnce(meta: CertificateFileMeta, render: (issuedAt: Date) => Promise<Buffer>): Promise<CertificateFile> {
    const earlier = await this.find(meta.tenantId, meta.certificateId);
    if (earlier) return earlier;
    const pdf = await render(meta.issuedAt);
    const upload = this.bucket.openUploadStream(pdfFilename(meta.certificateId), { metadata: meta });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', resolve).once('error', reject);
      upload.end(pdf);
    });
    const kept = (await this.find(meta.tenantId, meta.certificateId))!;
    if (!kept.fileId.equals(upload.id)) await this.remove([upload.id]); // lost a race: keep the first upload only
    return kept;
  }

  /** The PDF's bytes, streamed from its chunks. */
  open(fileId: mongo.ObjectId): Readable {
    return this.bucket.openDownloadStream(fileId);
  }

  /**
   * Deletes every PDF of the people (erase-person). Chunks go first, then the files documents: a crash in
   * between leaves files documents that the retry finds again and finishes (never orphaned chunks).
   */
  async removeOfPeople(tenantId: string, userIds: readonly string[]): Promise<number> {
    if (userIds.length === 0) return 0;
    const docs = await this.files
      .find({ 'metadata.tenantId': tenantId, 'metadata.userId': { $in: [...userIds] } })
      .project<{ _id: mongo.ObjectId }>({ _id: 1 })
      .toArray();
    await this.remove(docs.map((d) => d._id));
    return docs.length;
  }

  private async remove(fileIds: readonly mongo.ObjectId[]): Promise<void> {
    if (fileIds.length === 0) return;
    await this.chunks.deleteMany({ files_id: { $in: [...fileIds] } });
    await this.files.deleteMany({ _id: { $in: [...fileIds] } });
  }
}
