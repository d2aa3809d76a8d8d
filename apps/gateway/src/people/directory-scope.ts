import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { CohortClaims } from '@cohort/auth';
import { DIRECTORY_SCOPE_MAX } from '@cohort/contracts';
import { assertReader } from '../auth/reader-access';
import { ApiError } from '../gateway.errors';
import { MembershipClient } from '../upstream/membership.client';

/** The 404 of a person outside the caller's scope: the same answer identity gives for someone unknown. */
export function personNotFound(userId: string): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'IDENTITY.NOT_FOUND', `no person ${userId} in this tenant`, { field: 'userId' });
}

/**
 * Which people of the tenant a caller reads (see readerAccessOf): everyone, or a Manager's scope as
 * membership lists it (members of the teams they manage and people shared with them, at most
 * DIRECTORY_SCOPE_MAX). Asked on every request, so a new team member or share shows at once; membership
 * down means 503 for a Manager, never a wider directory.
 */
@Injectable()
export class DirectoryScope {
  private readonly logger = new Logger(DirectoryScope.name);

  constructor(private readonly membership: MembershipClient) {}

  /** undefined: the whole tenant; a list: only these people. 403 for a caller who reads no one. */
  async of(caller: CohortClaims): Promise<string[] | undefined> {
    if (assertReader(caller) === 'tenant') return undefined;
    const scope = await this.membership.managerScope(caller.tid, caller.sub);
    if (scope.truncated)
      this.logger.warn({ msg: 'manager scope cut by membership', tenantId: caller.tid, userId: caller.sub, kept: scope.userIds.length });
    return scope.userIds.slice(0, DIRECTORY_SCOPE_MAX);
  }

  /** Anyone reads their own profile; others need the tenant or a scope holding the person (else 404, as if unknown). */
  async assertMayRead(caller: CohortClaims, userId: string): Promise<void> {
    if (userId === caller.sub) return;
    const scope = await this.of(caller);
    if (scope && !scope.includes(userId)) throw personNotFound(userId);
  }
}
