import { Injectable } from '@nestjs/common';
import { DirectoryPage, DirectoryQuery, PersonView } from '@cohort/contracts';
import { seg, UpstreamClient } from './upstream.client';

/** identity's internal API (libs/contracts/src/internal/identity-api.ts), per tenant. */
@Injectable()
export class IdentityClient {
  constructor(private readonly upstream: UpstreamClient) {}

  async search(tenantId: string, query: DirectoryQuery): Promise<DirectoryPage> {
    const path = `/internal/tenants/${seg(tenantId)}/people/search`;
    return (await this.upstream.json<DirectoryPage>('identity', path, { method: 'POST', body: query })).body;
  }

  async person(tenantId: string, userId: string): Promise<PersonView> {
    return (await this.upstream.json<PersonView>('identity', `/internal/tenants/${seg(tenantId)}/people/${seg(userId)}`)).body;
  }
}
