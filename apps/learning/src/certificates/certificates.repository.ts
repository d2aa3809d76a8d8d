import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { artifactKey, CertificateArtifactDoc, CertificateDoc, certificateKey } from './certificate';

const DUPLICATE_KEY = 11000;
/** Parallel point reads: `{_id}` lookups, which FerretDB serves from its index (`$in` on `_id` would scan). */
const READ_CONCURRENCY = 16;

/**
 * The only place that touches `certificates` (the awarded certificates) and `certificate_artifacts` (what
 * each download-certificates job collected). Both are written by inserts with a derived unique `_id`, so a
 * redelivered chunk, or two racing ones, write each record once.
 */
@Injectable()
export class CertificatesRepository implements OnModuleInit {
  private readonly log = new Logger(CertificatesRepository.name);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get certificates(): mongo.Collection<CertificateDoc> {
    return this.connection.collection<CertificateDoc>('certificates');
  }

  private get artifacts(): mongo.Collection<CertificateArtifactDoc> {
    return this.connection.collection<CertificateArtifactDoc>('certificate_artifacts');
  }

  /** A person's certificates (newest first in the person view) and a job's collected rows in ZIP order. */
  async onModuleInit(): Promise<void> {
    try {
      await this.certificates.createIndex({ tenantId: 1, userId: 1, issuedAt: -1 });
      await this.artifacts.createIndex({ tenantId: 1, jobId: 1, _id: 1 });
      await this.artifacts.createIndex({ tenantId: 1, userId: 1 });
    } catch (err) {
      this.log.warn({ msg: 'certificate indexes not created (reads still work, slower)', err: String(err) });
    }
  }

  async findOne(tenantId: string, certificateId: string): Promise<CertificateDoc | undefined> {
    const doc = await this.certificates.findOne({ _id: certificateKey(tenantId, certificateId) });
    return doc && doc.tenantId === tenantId ? doc : undefined;
  }

  /** Every certificate of each of the people (one query for the chunk), oldest first. */
  async ofPeople(tenantId: string, userIds: readonly string[]): Promise<Map<string, CertificateDoc[]>> {
    const held = new Map<string, CertificateDoc[]>();
    if (userIds.length === 0) return held;
    const docs = await this.certificates.find({ tenantId, userId: { $in: [...new Set(userIds)] } }).toArray();
    docs.sort((a, b) => new Date(a.issuedAt).getTime() - new Date(b.issuedAt).getTime() || a.certificateId.localeCompare(b.certificateId));
    for (const doc of docs) held.set(doc.userId, [...(held.get(doc.userId) ?? []), doc]);
    return held;
  }

  /** Records a certificate; false when it exists already (a racing redelivery inserted it first). */
  async insert(doc: CertificateDoc): Promise<boolean> {
    try {
      await this.certificates.insertOne(doc);
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === DUPLICATE_KEY) return false;
      throw err;
    }
  }

  /** Links a record to its PDF rendered after it was recorded (a seeded record, or one whose file was lost). */
  async linkFile(tenantId: string, certificateId: string, fileId: mongo.ObjectId): Promise<void> {
    await this.certificates.updateOne({ _id: certificateKey(tenantId, certificateId) }, { $set: { fileId } });
  }

  /** What a download-certificates job collected for each of these people already (a redelivery), by user id. */
  async artifactRows(tenantId: string, jobId: string, userIds: readonly string[]): Promise<Map<string, CertificateArtifactDoc>> {
    const ids = [...new Set(userIds)];
    const found = new Map<string, CertificateArtifactDoc>();
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const userId = ids[next++];
        const doc = await this.artifacts.findOne({ _id: artifactKey(jobId, userId) });
        if (doc?.tenantId === tenantId) found.set(userId, doc);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, ids.length) }, worker));
    return found;
  }

  /** Records what the job collected for each person; a row written before (redelivery) is kept as it is. */
  async recordArtifacts(rows: readonly CertificateArtifactDoc[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.artifacts.insertMany([...rows], { ordered: false });
    } catch (err) {
      if (!onlyDuplicates(err)) throw err;
    }
  }

  /** Whether the job collected anything (the artifact route's 404). */
  async hasArtifact(tenantId: string, jobId: string): Promise<boolean> {
    return (await this.artifacts.findOne({ tenantId, jobId }, { projection: { _id: 1 } })) !== null;
  }

  /** The job's rows in a stable order, read through a cursor (a million-person job is never held at once). */
  artifactCursor(tenantId: string, jobId: string): mongo.FindCursor<CertificateArtifactDoc> {
    return this.artifacts.find({ tenantId, jobId }).sort({ _id: 1 });
  }

  /** Deletes what download-certificates jobs recorded about the people (erase-person); idempotent. */
  async removeArtifactsOfPeople(tenantId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length > 0) await this.artifacts.deleteMany({ tenantId, userId: { $in: [...userIds] } });
  }
}

function onlyDuplicates(err: unknown): boolean {
  const writeErrors = (err as { writeErrors?: unknown }).writeErrors;
  const errors = (Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : []) as { code?: number }[];
  return errors.length > 0 && errors.every((e) => e.code === DUPLICATE_KEY) && !(err as { writeConcernError?: unknown }).writeConcernError;
}
