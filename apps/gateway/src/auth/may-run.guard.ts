import { CanActivate, ExecutionContext } from '@nestjs/common';
import { mayRun } from '@cohort/auth';
import type { CohortClaims } from '@cohort/auth';
import type { CatalogueActionId } from '@cohort/contracts';
import { forbidden, unauthenticated } from '../gateway.errors';
import type { CallerRequest } from './caller';

/** 403 AUTH.FORBIDDEN unless the caller's (stored) role and permissions allow the action. */
export function assertAllowed(caller: CohortClaims, action: string): void {
  if (!mayRun({ role: caller.role, permissions: caller.perms }, action)) {
    throw forbidden(`a ${caller.role} may not run ${action}`, { action });
  }
}

/**
 * `@UseGuards(new MayRunGuard('invite-users'))`: a route only callers allowed to run the action may use,
 * refused before its body is read (route guards run after the global bearer guard).
 */
export class MayRunGuard implements CanActivate {
  constructor(private readonly action: CatalogueActionId) {}

  canActivate(context: ExecutionContext): boolean {
    const caller = context.switchToHttp().getRequest<CallerRequest>().caller;
    if (!caller) throw unauthenticated('missing bearer token');
    assertAllowed(caller, this.action);
    return true;
  }
}
