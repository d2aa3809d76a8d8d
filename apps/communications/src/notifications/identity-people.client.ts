import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG, ServiceConfig } from '@cohort/common';
import { PersonView } from '@cohort/contracts';

/** identity could not say who a person is right now (no answer, a time-out, a 5xx): worth retrying. */
export class IdentityUnavailableError extends Error {}

/** A person as identity knows them; null when identity has no such person in the tenant. */
export type PersonLookup = PersonView | null;

const TIMEOUT_MS = 10_000;
/** look-ups of one chunk in flight at once */
const PARALLEL = 8;

/** identity's internal `GET /internal/tenants/:t/people/:id` (libs/contracts/src/internal/identity-api.ts), as communications reads it. */
@Injectable()
export class IdentityPeopleClient {
  private readonly base: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.base = config.urls.identity.replace(/\/+$/, '');
  }

  /** The person, null when identity does not know them; throws IdentityUnavailableError when identity cannot answer. */
  async person(tenantId: string, userId: string): Promise<PersonLookup> {
    const url = `${this.base}/internal/tenants/${encodeURIComponent(tenantId)}/people/${encodeURIComponent(userId)}`;
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      throw new IdentityUnavailableError(`identity: ${(err as Error).message}`);
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) throw new IdentityUnavailableError(`identity answered HTTP ${res.status} for person ${userId}`);
    try {
      return (await res.json()) as PersonView;
    } catch (err) {
      throw new IdentityUnavailableError(`identity sent an unreadable person ${userId}: ${(err as Error).message}`);
    }
  }

  /** Each person of a chunk (a few look-ups at a time): the person, null, or why identity could not answer. */
  async people(tenantId: string, userIds: readonly string[]): Promise<Map<string, PersonLookup | IdentityUnavailableError>> {
    const found = new Map<string, PersonLookup | IdentityUnavailableError>();
    for (let i = 0; i < userIds.length; i += PARALLEL) {
      const batch = userIds.slice(i, i + PARALLEL);
      const answers = await Promise.all(batch.map((id) => this.person(tenantId, id).catch((err: unknown) => unavailable(err))));
      batch.forEach((id, k) => found.set(id, answers[k]));
    }
    return found;
  }
}

function unavailable(err: unknown): IdentityUnavailableError {
  if (err instanceof IdentityUnavailableError) return err;
  return new IdentityUnavailableError(`identity: ${(err as Error).message}`);
}
