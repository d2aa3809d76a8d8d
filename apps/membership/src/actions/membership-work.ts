import { IdentityLookupError, storeFailure } from '@cohort/common';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { Decision, dryRunOutcome, failedBecause } from '@cohort/messaging';
import { MEMBERSHIP } from '../membership.errors';
import { MembershipFacts } from '../memberships/membership-facts';
import { MembershipChange } from '../memberships/membership.schema';
import { MembershipsRepository } from '../memberships/memberships.repository';

/**
 * Runs one chunk of a membership action (reads, decisions, writes). Identity not answering fails every
 * person with MEMBERSHIP.IDENTITY_UNAVAILABLE and the store failing with MEMBERSHIP.STORE_UNAVAILABLE, both
 * retryable: a transient outage is retried by the orchestrator, never reported as a person's final failure.
 */
export async function runChunk(work: WorkChunk, run: () => Promise<Outcome[]>): Promise<Outcome[]> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof IdentityLookupError) return identityUnavailable(work, err.message);
    return storeFailure('membership', work, err);
  }
}

/** identity could not say who the people are: every person of the chunk failed, retryably. */
export function identityUnavailable(work: WorkChunk, message: string): Outcome[] {
  return work.userIds.map((userId) => ({ userId, status: 'failed', code: MEMBERSHIP.IDENTITY_UNAVAILABLE, message, retryable: true }));
}

/**
 * The chunk's decisions carried out: a dry run reports before → after and writes nothing; otherwise every
 * change goes in one bulk write, each with its op marker (so a redelivery writes nothing twice), and with
 * `facts` the people's group lists go to identity's directory.
 */
export async function settle(
  memberships: MembershipsRepository,
  work: WorkChunk,
  decisions: readonly Decision<MembershipChange>[],
  dryRun: boolean,
  facts?: MembershipFacts,
): Promise<Outcome[]> {
  if (dryRun) return decisions.map(dryRunOutcome);
  await memberships.applyOnce(
    work.tenantId,
    decisions.flatMap((d) => (d.change ? [d.change] : [])),
  );
  // changed or replayed (a redelivery after a crash publishes again what may have been lost)
  await facts?.publish(
    work.tenantId,
    decisions.filter((d) => d.outcome.status === 'succeeded').map((d) => d.outcome.userId),
  );
  return decisions.map((d) => d.outcome);
}

/** An action naming teams or groups the tenant does not have: not retryable, and nothing is written for anyone. */
export function groupsNotFound(userId: string, missing: readonly string[]): Decision<never> {
  const message = missing.length === 1 ? `no team or group ${missing[0]} in the tenant` : `no teams or groups ${missing.join(', ')} in the tenant`;
  return failedBecause(userId, MEMBERSHIP.GROUP_NOT_FOUND, message);
}

/** The ids given, each once, in the order given. */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** A stored op marker's `b` as a list of ids (what add-to-groups and remove-from-groups record). */
export function idsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
