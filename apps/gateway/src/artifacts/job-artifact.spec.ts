import { ApiError } from '../gateway.errors';
import { artifactSource } from './job-artifact';

const admin = { tid: 'acme', role: 'Admin' as const };
const job = (action: string, status = 'completed') => ({ id: 'j/1', action, status }) as Parameters<typeof artifactSource>[0];

function refusal(fn: () => unknown): [number, string] | 'no error' {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return [err.getStatus(), err.code];
    throw err;
  }
  return 'no error';
}

describe('artifactSource', () => {
  it("reads a finished job's file from the service owning its action, typed and named from the catalogue", () => {
    expect(artifactSource(job('download-certificates'), admin)).toEqual({
      service: 'learning',
      path: '/internal/tenants/acme/jobs/j%2F1/artifact',
      mediaType: 'application/zip',
      fileName: 'download-certificates-j/1.zip',
    });
    expect(artifactSource(job('download-certificates', 'failed'), admin).service).toBe('learning');
    expect(artifactSource(job('download-certificates', 'cancelled'), admin).service).toBe('learning');
  });

  it('is 404 JOBS.NO_ARTIFACT for an action that makes no file', () => {
    expect(refusal(() => artifactSource(job('change-role'), admin))).toEqual([404, 'JOBS.NO_ARTIFACT']);
    expect(refusal(() => artifactSource(job('no-such-action'), admin))).toEqual([404, 'JOBS.NO_ARTIFACT']);
  });

  it('is 403 unless the caller may run the action, whoever started the job', () => {
    expect(refusal(() => artifactSource(job('download-certificates'), { tid: 'acme', role: 'Reporter' }))).toEqual([403, 'AUTH.FORBIDDEN']);
    expect(refusal(() => artifactSource(job('download-certificates'), { tid: 'acme', role: 'Learner', perms: ['certificates'] }))).toBe('no error');
  });

  it.each(['scheduled', 'awaiting-approval', 'queued', 'running'])('is 409 JOBS.NOT_FINISHED while the job is %s', (status) => {
    expect(refusal(() => artifactSource(job('download-certificates', status), admin))).toEqual([409, 'JOBS.NOT_FINISHED']);
  });
});
