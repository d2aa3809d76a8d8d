import { Injectable } from '@nestjs/common';
import type {
  AcceptInvitation,
  CompletePasswordReset,
  DirectoryPage,
  DirectoryQuery,
  ImportPurpose,
  ImportSummary,
  PeopleFound,
  PersonView,
  TokenAccepted,
} from '@cohort/contracts';
import { RawBody, seg, UpstreamClient } from './upstream.client';

/** How long identity may take to parse and stage a people file (up to 10 MiB, 100,000 rows). */
export const IMPORT_TIMEOUT_MS = 120_000;

export type ImportFormat = 'csv' | 'xlsx';

/** identity's internal API (libs/contracts/src/internal/identity-api.ts), per tenant. */
@Injectable()
export class IdentityClient {
  constructor(private readonly upstream: UpstreamClient) {}

  async search(tenantId: string, query: DirectoryQuery): Promise<DirectoryPage> {
    const path = `/internal/tenants/${seg(tenantId)}/people/search`;
    return (await this.upstream.json<DirectoryPage>('identity', path, { method: 'POST', body: query, readOnly: true })).body;
  }

  /** Who these people are (those of the tenant that exist), by user id: one call for up to 1,000. */
  async lookup(tenantId: string, userIds: readonly string[]): Promise<Map<string, PersonView>> {
    const unique = [...new Set(userIds)].slice(0, 1000);
    if (unique.length === 0) return new Map();
    const path = `/internal/tenants/${seg(tenantId)}/people/lookup`;
    const found = await this.upstream.json<PeopleFound>('identity', path, { method: 'POST', body: { userIds: unique }, readOnly: true });
    return new Map(found.body.people.map((p) => [p.userId, p]));
  }

  async person(tenantId: string, userId: string): Promise<PersonView> {
    return (await this.upstream.json<PersonView>('identity', `/internal/tenants/${seg(tenantId)}/people/${seg(userId)}`)).body;
  }

  /** Activates an invited person (the token names tenant and person); 400 IDENTITY.TOKEN_INVALID passes through. */
  async acceptInvitation(request: AcceptInvitation): Promise<TokenAccepted> {
    return (await this.upstream.json<TokenAccepted>('identity', '/internal/invitations/accept', { method: 'POST', body: request })).body;
  }

  /** Sets a new password; 400 IDENTITY.TOKEN_INVALID and 410 IDENTITY.TOKEN_EXPIRED pass through. */
  async completePasswordReset(request: CompletePasswordReset): Promise<TokenAccepted> {
    return (await this.upstream.json<TokenAccepted>('identity', '/internal/password-resets/complete', { method: 'POST', body: request })).body;
  }

  /**
   * Parses and stages a people file for `selection: {importId}`: people to invite (invite-users), or
   * existing people matched by e-mail (any other action).
   */
  async importPeople(tenantId: string, format: ImportFormat, file: RawBody, purpose: ImportPurpose = 'invite'): Promise<ImportSummary> {
    const path = `/internal/tenants/${seg(tenantId)}/imports`;
    const query = { format, purpose };
    return (await this.upstream.upload<ImportSummary>('identity', path, file, { query, timeoutMs: IMPORT_TIMEOUT_MS })).body;
  }
}
