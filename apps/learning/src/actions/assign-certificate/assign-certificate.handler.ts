import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IdentityLookupClient } from '@cohort/common';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { decideEach, dryRunOutcome, failAll } from '@cohort/messaging';
import { CatalogueRepository } from '../../catalogue/catalogue.repository';
import { CertificatePdfs } from '../../certificates/certificate-pdfs';
import { eachLimited, runCertificateChunk } from '../../certificates/certificate-work';
import { CertificatesRepository } from '../../certificates/certificates.repository';
import { LEARNING } from '../../learning.errors';
import { decideAssignCertificate } from './assign-certificate.decision';

/** PDFs rendered and uploaded at once: rendering is CPU work, so a few overlap only the uploads. */
const ISSUE_CONCURRENCY = 4;

/** A work chunk of `assign-certificate` (the first step of its saga); a dry run decides without rendering or writing. */
export class AssignCertificate {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/**
 * Awards each person the job's certificate: renders its PDF, stores it in GridFS, then records it, and
 * hands communications' send-certificate-awarded step the LearningMail for the e-mail. The record comes
 * last, so a crash in between leaves only a file, which the retry finds by name and reuses.
 */
@CommandHandler(AssignCertificate)
export class AssignCertificateHandler implements ICommandHandler<AssignCertificate, Outcome[]> {
  constructor(
    private readonly identity: IdentityLookupClient,
    private readonly catalogue: CatalogueRepository,
    private readonly certificates: CertificatesRepository,
    private readonly pdfs: CertificatePdfs,
  ) {}

  async execute({ work, dryRun }: AssignCertificate): Promise<Outcome[]> {
    const params = validateParams('assign-certificate', work.params);
    if (!params.ok) return failAll(work, LEARNING.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const { title, courseId } = params.params;
    return runCertificateChunk(work, async () => {
      const courseTitle = courseId ? (await this.catalogue.findCourses(work.tenantId, [courseId])).get(courseId)?.title : undefined;
      const known = await this.identity.people(work.tenantId, work.userIds);
      const held = await this.certificates.ofPeople(work.tenantId, [...known.keys()]);
      const ctx = { tenantId: work.tenantId, jobId: work.jobId, title, courseId, courseTitle };
      const decisions = decideEach(work.userIds, (id) => decideAssignCertificate(id, known.get(id), held.get(id) ?? [], ctx));
      if (dryRun) return decisions.map(dryRunOutcome);
      const now = new Date();
      const issues = decisions.flatMap((d) => (d.change ? [d.change] : []));
      await eachLimited(issues, ISSUE_CONCURRENCY, async ({ certificate, language }) => {
        await this.certificates.insert(await this.pdfs.issue(certificate, language, now));
      });
      return decisions.map((d) => d.outcome);
    });
  }
}
