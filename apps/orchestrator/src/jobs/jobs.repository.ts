import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Collection, Model } from 'mongoose';
import { JobListQuery } from '@cohort/contracts';
import { ACTIVE_STATUSES, CommandClaim, Job } from './job.schema';

/** The only place that touches the `jobs` and `commands` collections. */
@Injectable()
export class JobsRepository {
  private readonly jobs: Collection<Job>;
  private readonly commands: Collection<CommandClaim>;

  constructor(@InjectModel(Job.name) jobs: Model<Job>, @InjectModel(CommandClaim.name) commands: Model<CommandClaim>) {
    this.jobs = jobs.collection as unknown as Collection<Job>;
    this.commands = commands.collection as unknown as Collection<CommandClaim>;
  }

  /**
   * Claims a command id for a new job id. Returns the job id the command belongs to: `jobId` if this
   * call claimed it, the earlier job's id if the command was seen before.
   */
  async claimCommand(tenantId: string, commandId: string, jobId: string): Promise<{ jobId: string; claimed: boolean }> {
    const _id = `${tenantId}:${commandId}`;
    try {
      await this.commands.insertOne({ _id, jobId, createdAt: new Date() });
      return { jobId, claimed: true };
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      const existing = await this.commands.findOne({ _id });
      if (!existing) throw err;
      return { jobId: existing.jobId, claimed: false };
    }
  }

  async insert(job: Job): Promise<void> {
    await this.jobs.insertOne(job);
  }

  async find(jobId: string): Promise<Job | null> {
    return this.jobs.findOne({ _id: jobId });
  }

  /** A job of this tenant (another tenant's job id is "not found"). */
  async findForTenant(tenantId: string, jobId: string): Promise<Job | null> {
    const job = await this.find(jobId);
    return job && job.tenantId === tenantId ? job : null;
  }

  async set(jobId: string, fields: Partial<Job>): Promise<void> {
    await this.jobs.updateOne({ _id: jobId }, { $set: fields });
  }

  /** Jobs that must be driven by this process after a start or restart. */
  async findActive(): Promise<Job[]> {
    return this.jobs.find({ status: { $in: [...ACTIVE_STATUSES] } }).toArray();
  }

  /** The tenant's jobs, newest first; `before` is the cursor (createdAt and id of the last job of the previous page). */
  async list(
    tenantId: string,
    where: Omit<JobListQuery, 'cursor' | 'limit'>,
    before: { at: Date; id: string } | undefined,
    limit: number,
  ): Promise<Job[]> {
    const filter: Record<string, unknown> = { tenantId, status: where.status ?? { $ne: 'draft' } };
    if (where.actorId) filter.actorId = where.actorId;
    if (where.action) filter.action = where.action;
    if (where.from || where.to)
      filter.createdAt = { ...(where.from && { $gte: new Date(where.from) }), ...(where.to && { $lt: new Date(where.to) }) };
    if (before) filter.$and = [{ $or: [{ createdAt: { $lt: before.at } }, { createdAt: before.at, _id: { $lt: before.id } }] }];
    return this.jobs.find(filter).sort({ createdAt: -1, _id: -1 }).limit(limit).toArray();
  }

  /** Drafts whose preview lapsed. */
  async findLapsedDrafts(now: Date): Promise<Job[]> {
    return this.jobs.find({ status: 'draft', expiresAt: { $lt: now } }, { projection: { _id: 1 } }).toArray();
  }

  async remove(jobId: string): Promise<void> {
    await this.jobs.deleteOne({ _id: jobId });
  }
}
