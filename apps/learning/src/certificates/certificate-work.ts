import { IdentityLookupError, storeFailure } from '@cohort/common';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { LEARNING } from '../learning.errors';

/**
 * Runs one chunk of a certificate action (reads, decisions, rendering, writes). identity not answering fails
 * every person with LEARNING.IDENTITY_UNAVAILABLE and the store failing with LEARNING.STORE_UNAVAILABLE, both
 * retryable: the orchestrator redelivers the chunk, which finds what the first attempt wrote and goes on.
 */
export async function runCertificateChunk(work: WorkChunk, run: () => Promise<Outcome[]>): Promise<Outcome[]> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof IdentityLookupError) {
      return work.userIds.map((userId) => ({ userId, status: 'failed', code: LEARNING.IDENTITY_UNAVAILABLE, message: err.message, retryable: true }));
    }
    return storeFailure('learning', work, err);
  }
}

/** Runs `task` over `items`, at most `limit` at a time (rendering and uploading PDFs of a chunk). */
export async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
