import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BatchCommand, validateCommand } from '@cohort/contracts';
import { mayRun } from '@cohort/auth';
import { IdentityClient } from '../clients/identity.client';
import { UpstreamError } from '../clients/upstream';
import { ENGINE_CONFIG, EngineConfig } from '../engine/engine.config';
import { EngineService } from '../engine/engine.service';
import { JobEventsPublisher } from '../engine/job-events.publisher';
import { Job, JobSource } from '../jobs/job.schema';
import { JobsRepository } from '../jobs/jobs.repository';
import { INTAKE } from '../orchestrator.errors';
import { sagaFor } from '../sagas';
import { Refusal } from './refusal';

export interface Submitted {
  job: Job;
  duplicate: boolean;
}

/**
 * Turns a batch command (from Kafka or the gateway) into a job, the same way for both: validate,
 * authorise the actor as stored by identity, claim the command id (the same id twice is one job),
 * store the job, announce it, run it.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly identity: IdentityClient,
    private readonly engine: EngineService,
    private readonly events: JobEventsPublisher,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  /** A valid, authorised command; throws Refusal otherwise. */
  async check(input: unknown): Promise<BatchCommand> {
    const v = validateCommand(input);
    if (!v.ok) throw new Refusal(400, v.reason, { ...(v.commandId && { commandId: v.commandId }), ...(v.tenantId && { tenantId: v.tenantId }) });
    if (!sagaFor(v.command.action))
      throw new Refusal(400, { code: INTAKE.NO_SAGA, message: `${v.command.action} cannot run as a batch job yet`, field: 'action' });
    await this.authorize(v.command.tenantId, v.command.actor.userId, v.command.action);
    return v.command;
  }

  async authorize(tenantId: string, userId: string, action: string): Promise<void> {
    const actor = await this.identity.person(tenantId, userId).catch((err: unknown) => {
      if (err instanceof UpstreamError) throw new Refusal(503, { code: INTAKE.UNAVAILABLE, message: `identity is unavailable: ${err.message}` });
      throw err;
    });
    if (!actor) throw new Refusal(403, { code: INTAKE.UNKNOWN_ACTOR, message: `no person ${userId} in tenant ${tenantId}`, field: 'actor.userId' });
    if (actor.status !== 'active')
      throw new Refusal(403, { code: INTAKE.INACTIVE_ACTOR, message: `${userId} is ${actor.status}, not active`, field: 'actor.userId' });
    if (!mayRun({ role: actor.role, permissions: actor.permissions }, action)) {
      throw new Refusal(403, {
        code: INTAKE.FORBIDDEN,
        message: `a ${actor.role} without the needed permission cannot run ${action}`,
        field: 'action',
      });
    }
  }

  async submit(input: unknown, source: JobSource): Promise<Submitted> {
    const command = await this.check(input);
    return this.start(command.tenantId, command.commandId, (id) => this.newJob(command, id, source));
  }

  /**
   * Claims the command id for `proposedId`, then stores, announces and runs the job `build` makes.
   * A command id claimed before returns the earlier job (`duplicate`), unless that job was never stored
   * (a crash between claim and store), which this call then completes.
   */
  async start(tenantId: string, commandId: string, build: (jobId: string) => Job, proposedId: string = randomUUID()): Promise<Submitted> {
    const claim = await this.jobs.claimCommand(tenantId, commandId, proposedId);
    const earlier = claim.claimed ? null : await this.jobs.find(claim.jobId);
    if (earlier && earlier.status !== 'draft') return { job: earlier, duplicate: true };
    const job = build(claim.jobId);
    if (await this.jobs.find(job._id)) await this.jobs.set(job._id, job);
    else await this.jobs.insert(job);
    await this.events.accepted(job);
    this.engine.run(job);
    return { job, duplicate: false };
  }

  newJob(command: BatchCommand, jobId: string, source: JobSource, extra: Partial<Job> = {}): Job {
    const scheduledAt = command.options?.scheduledAt ? new Date(command.options.scheduledAt) : undefined;
    return {
      _id: jobId,
      tenantId: command.tenantId,
      commandId: command.commandId,
      actorId: command.actor.userId,
      action: command.action,
      params: command.params,
      selection: command.selection,
      options: command.options ?? {},
      source,
      status: scheduledAt && scheduledAt.getTime() > Date.now() ? 'scheduled' : 'queued',
      total: null,
      resolved: false,
      gen: 0,
      chunkCount: 0,
      chunkSize: command.options?.chunkSize ?? this.config.chunkSize,
      counts: { pending: 0, running: 0, succeeded: 0, skipped: 0, failed: 0, cancelled: 0 },
      ratePerSecond: 0,
      cancelRequested: false,
      createdAt: new Date(),
      ...(scheduledAt && { scheduledAt }),
      ...extra,
    };
  }
}
