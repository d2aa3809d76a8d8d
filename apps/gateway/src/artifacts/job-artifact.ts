import { HttpStatus } from '@nestjs/common';
import { mayRun } from '@cohort/auth';
import type { CohortClaims } from '@cohort/auth';
import { actionById, JobStatus, JobView, ServiceName } from '@cohort/contracts';
import { ApiError, forbidden, GATEWAY_ERRORS } from '../gateway.errors';
import { seg } from '../upstream/upstream.client';

/** Job statuses after which nothing more is written: the file is complete (or will never be). */
export const FINISHED_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

/** Where a job's file comes from and how the browser gets it. */
export interface ArtifactSource {
  /** the service that owns the job's action and keeps its file */
  service: ServiceName;
  path: string;
  mediaType: string;
  fileName: string;
}

export function noArtifact(jobId: string, why: string): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, GATEWAY_ERRORS.noArtifact, `job ${jobId} has no file: ${why}`, { jobId });
}

/**
 * Pure: whether the caller may download the file of this job (of their tenant: the orchestrator answered
 * it for the caller's tenant), and from where. 404 JOBS.NO_ARTIFACT when the action declares no `artifact` in the catalogue;
 * 403 AUTH.FORBIDDEN unless the caller may run the job's action (a file holds what the action reads);
 * 409 JOBS.NOT_FINISHED until the job has finished.
 */
export function artifactSource(job: Pick<JobView, 'id' | 'action' | 'status'>, caller: Pick<CohortClaims, 'tid' | 'role' | 'perms'>): ArtifactSource {
  const action = actionById(job.action);
  if (!action?.artifact) throw noArtifact(job.id, `${job.action} produces none`);
  if (!mayRun({ role: caller.role, permissions: caller.perms }, action.id)) {
    throw forbidden(`a ${caller.role} may not download the file of ${action.id}`, { action: action.id });
  }
  if (!FINISHED_STATUSES.includes(job.status)) {
    throw new ApiError(HttpStatus.CONFLICT, GATEWAY_ERRORS.notFinished, `job ${job.id} is ${job.status}: its file is ready once it has finished`, {
      jobId: job.id,
      status: job.status,
    });
  }
  return {
    service: action.service,
    path: `/internal/tenants/${seg(caller.tid)}/jobs/${seg(job.id)}/artifact`,
    mediaType: action.artifact.mediaType,
    fileName: `${action.id}-${job.id}.${action.artifact.extension}`,
  };
}
