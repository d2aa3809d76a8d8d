import { z } from 'zod';
import { MAX_CHUNK_SIZE } from '@cohort/contracts';

const int = (min: number, def: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max).default(def);

const Env = z.object({
  /**
   * people per work chunk. 100, not more: a chunk holds its partition for its whole store time, and a small
   * job queued behind one waits for it (bench, FerretDB, 5-person probe during a 5,000-person job: 1.2 s at
   * 100, 7.2 s at 500) while throughput is the same from 100 up (396 vs 385 persons/s)
   */
  ORCH_CHUNK_SIZE: int(1, 100, MAX_CHUNK_SIZE),
  /** chunks of one job in flight at once: how much of the services one job can take */
  ORCH_WINDOW: int(1, 8, 1000),
  /** jobs of at most this many people go through the express lane of the work topics (0: none does) */
  ORCH_EXPRESS_MAX: int(0, 50, 100_000),
  /** attempts per person at a retryable failure: 6, the retries 1, 2, 4, 8 and 16 s apart (31 s), longer than a participant takes to restart */
  ORCH_MAX_ATTEMPTS: int(1, 6, 100),
  ORCH_RETRY_BASE_MS: int(0, 1000),
  ORCH_RETRY_MAX_MS: int(0, 60_000),
  /** a step with no result after this long is sent again (same dispatch number: the duplicate result is ignored) */
  ORCH_STEP_TIMEOUT_MS: int(1000, 300_000),
  ORCH_STEP_RESENDS: int(0, 3, 100),
  /** below a second, so a progress event arrives at least once a second even with timer drift */
  ORCH_PROGRESS_MS: int(100, 900, 60_000),
  /** destructive jobs over this many people must be confirmed with options.approvalCount = the count */
  APPROVAL_THRESHOLD: int(0, 100),
  /** people whose outcomes the preview computes exactly (the rest is extrapolated) */
  PREVIEW_LIMIT: int(1, 5000, 1_000_000),
  PREVIEW_TTL_MS: int(1000, 30 * 60_000),
});

export type EngineConfig = {
  chunkSize: number;
  window: number;
  /** jobs of at most this many people are sent on the express lanes */
  expressMax: number;
  maxAttempts: number;
  backoffMs: (attempt: number) => number;
  stepTimeoutMs: number;
  stepResends: number;
  progressMs: number;
  approvalThreshold: number;
  previewLimit: number;
  previewTtlMs: number;
};

export const ENGINE_CONFIG = Symbol('ENGINE_CONFIG');

export function loadEngineConfig(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const e = Env.parse(env);
  return {
    chunkSize: e.ORCH_CHUNK_SIZE,
    window: e.ORCH_WINDOW,
    expressMax: e.ORCH_EXPRESS_MAX,
    maxAttempts: e.ORCH_MAX_ATTEMPTS,
    backoffMs: (attempt) => Math.min(e.ORCH_RETRY_MAX_MS, e.ORCH_RETRY_BASE_MS * 2 ** (attempt - 1)),
    stepTimeoutMs: e.ORCH_STEP_TIMEOUT_MS,
    stepResends: e.ORCH_STEP_RESENDS,
    progressMs: e.ORCH_PROGRESS_MS,
    approvalThreshold: e.APPROVAL_THRESHOLD,
    previewLimit: e.PREVIEW_LIMIT,
    previewTtlMs: e.PREVIEW_TTL_MS,
  };
}
