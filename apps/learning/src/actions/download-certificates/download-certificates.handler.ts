import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IdentityLookupClient } from '@cohort/common';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { decideEach, dryRunOutcome, failAll } from '@cohort/messaging';
import { artifactKey, CertificateArtifactDoc } from '../../certificates/certificate';
import { CertificatePdfs } from '../../certificates/certificate-pdfs';
import { eachLimited, runCertificateChunk } from '../../certificates/certificate-work';
import { CertificatesRepository } from '../../certificates/certificates.repository';
import { LEARNING } from '../../learning.errors';
import { decideDownloadCertificates } from './download-certificates.decision';

/** PDFs of records that have none, rendered and uploaded at once. */
const RENDER_CONCURRENCY = 4;

/** A work chunk of `download-certificates`; a dry run decides without rendering or writing. */
export class DownloadCertificates {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/**
 * Collects each person's certificates for the job's ZIP: records their ids in `certificate_artifacts` (one
 * row per person, `_id` = job and person, so a redelivery writes nothing twice); the artifact route builds
 * the ZIP from these rows when it is downloaded. A certificate recorded without a PDF gets one on the way,
 * so the ZIP never lacks a file.
 */
@CommandHandler(DownloadCertificates)
export class DownloadCertificatesHandler implements ICommandHandler<DownloadCertificates, Outcome[]> {
  constructor(
    private readonly identity: IdentityLookupClient,
    private readonly certificates: CertificatesRepository,
    private readonly pdfs: CertificatePdfs,
  ) {}

  async execute({ work, dryRun }: DownloadCertificates): Promise<Outcome[]> {
    const params = validateParams('download-certificates', work.params);
    if (!params.ok) return failAll(work, LEARNING.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const { courseId } = params.params;
    return runCertificateChunk(work, async () => {
      const known = await this.identity.people(work.tenantId, work.userIds);
      const people = [...known.keys()];
      const held = await this.certificates.ofPeople(work.tenantId, people);
      const recorded = dryRun ? new Map() : await this.certificates.artifactRows(work.tenantId, work.jobId, people);
      const decisions = decideEach(work.userIds, (id) =>
        decideDownloadCertificates(id, known.get(id), held.get(id) ?? [], recorded.get(id), courseId),
      );
      if (dryRun) return decisions.map(dryRunOutcome);
      const rows: CertificateArtifactDoc[] = [];
      for (const { outcome, change } of decisions) {
        if (!change) continue;
        const { userId } = outcome;
        const certificateIds = change.certificates.map((c) => c.certificateId);
        rows.push({ _id: artifactKey(work.jobId, userId), tenantId: work.tenantId, jobId: work.jobId, userId, certificateIds, chunk: work.chunk });
      }
      const unrendered = decisions.flatMap((d) =>
        (d.change?.certificates ?? []).filter((c) => !c.fileId).map((c) => ({ c, language: d.change!.language })),
      );
      await eachLimited(unrendered, RENDER_CONCURRENCY, async ({ c, language }) => void (await this.pdfs.fileOf(c, language)));
      await this.certificates.recordArtifacts(rows);
      return decisions.map((d) => d.outcome);
    });
  }
}
