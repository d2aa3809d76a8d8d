import type { ServerResponse } from 'node:http';
import type { CohortClaims } from '@cohort/auth';
import type { PersonView } from '@cohort/contracts';
import { json, Received } from './fake-upstream';

const PERSON_PATH = /^\/internal\/tenants\/([^/]+)\/people\/([^/]+)$/;

/**
 * The accounts a fake identity stores, so the bearer guard's look-up of the caller succeeds: `bearer()`
 * stores an active account with the token's role and permissions (or the fields a test gives). The fake
 * identity answers `GET /internal/tenants/:t/people/:id` of a stored account from here when no route of
 * the test matches, and counts it in `lookups` rather than in its `received`, so tests of a route still
 * see exactly what that route sent.
 */
export class FakeAccounts {
  /** `tenant/user` of every look-up answered from here */
  readonly lookups: string[] = [];
  private readonly people = new Map<string, PersonView>();

  store(claims: Pick<CohortClaims, 'sub' | 'tid' | 'role' | 'email' | 'perms'>, fields: Partial<PersonView> = {}): void {
    this.people.set(`${claims.tid}/${claims.sub}`, {
      userId: claims.sub,
      tenantId: claims.tid,
      email: claims.email,
      name: claims.sub,
      status: 'active',
      role: claims.role,
      permissions: claims.perms ?? [],
      language: 'en',
      labels: [],
      specialisms: [],
      ...fields,
    });
  }

  /** Answers the request if it reads a stored account; false otherwise. */
  answer(req: Received, res: ServerResponse): boolean {
    const match = req.method === 'GET' ? PERSON_PATH.exec(req.path) : null;
    const key = match && `${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}`;
    const person = key ? this.people.get(key) : undefined;
    if (!key || !person) return false;
    this.lookups.push(key);
    json(res, 200, person);
    return true;
  }
}
