import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { exportColumns, exportedPerson, exportRowKey, ExportRowDoc } from '../../exports/export-row';
import { ExportsRepository } from '../../exports/exports.repository';
import { PeopleRepository } from '../../people/people.repository';
import { Person } from '../../people/person.schema';
import { Decision, decideEach, dryRunOutcome, notFound } from '../decision';

/** A work chunk of `export-csv`; a dry run decides without writing. */
export class ExportCsv {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Pure: exporting one person. Everyone the selection found is in the file; an id nobody has is a failure. */
export function decideExport(userId: string, person: Person | undefined): Decision {
  if (!person) return notFound(userId);
  return { outcome: { userId, status: 'succeeded' }, preview: { before: person.email } };
}

/**
 * Records each person of the chunk as they are now (one row per person, inserted once): the job's file is
 * streamed from these rows by `GET /internal/tenants/:t/jobs/:jobId/artifact` once the job has finished.
 * Nothing about the person changes.
 */
@CommandHandler(ExportCsv)
export class ExportCsvHandler implements ICommandHandler<ExportCsv, Outcome[]> {
  constructor(
    private readonly people: PeopleRepository,
    private readonly exports: ExportsRepository,
  ) {}

  async execute({ work, dryRun }: ExportCsv): Promise<Outcome[]> {
    const params = validateParams('export-csv', work.params);
    if (!params.ok) return failAll(work, IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const found = await this.people.findMany(work.tenantId, work.userIds);
    const decisions = decideEach(work.userIds, (userId) => decideExport(userId, found.get(userId)));
    if (dryRun) return decisions.map(dryRunOutcome);
    const exported = new Set(decisions.filter((d) => d.outcome.status === 'succeeded').map((d) => d.outcome.userId)); // an id twice in the chunk: one row
    const rows: ExportRowDoc[] = [...exported].map((userId) => ({
      _id: exportRowKey(work.tenantId, work.jobId, userId),
      tenantId: work.tenantId,
      jobId: work.jobId,
      userId,
      chunk: work.chunk,
      person: exportedPerson(found.get(userId)!),
    }));
    await this.exports.record(work.tenantId, work.jobId, exportColumns(params.params.columns), rows);
    return decisions.map((d) => d.outcome);
  }
}
