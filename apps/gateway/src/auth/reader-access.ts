import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { permittedActions } from '@cohort/auth';
import type { CohortClaims } from '@cohort/auth';
import { forbidden, unauthenticated } from '../gateway.errors';
import type { CallerRequest } from './caller';

/**
 * How much of the tenant a caller reads (the people directory, a person's profile, the group and course
 * pickers):
 * - `tenant`: whoever may run at least one action (they select people for it), and Reporters;
 * - `scope`: a Manager without any such permission: the people of the teams they manage and the people
 *   shared with them (membership's manager scope); the pickers too, to filter that directory by team;
 * - `none`: everyone else (Learners, a Curator without the sharing permission): 403 AUTH.FORBIDDEN.
 * Anyone reads their own profile.
 */
export type ReaderAccess = 'tenant' | 'scope' | 'none';

export function readerAccessOf(caller: Pick<CohortClaims, 'role' | 'perms'>): ReaderAccess {
  if (caller.role === 'Reporter' || permittedActions({ role: caller.role, permissions: caller.perms }).length > 0) return 'tenant';
  return caller.role === 'Manager' ? 'scope' : 'none';
}

/** 403 AUTH.FORBIDDEN for a caller who reads nothing of the tenant. */
export function assertReader(caller: CohortClaims): ReaderAccess {
  const access = readerAccessOf(caller);
  if (access === 'none') throw forbidden(`a ${caller.role} without permissions may not read the tenant's people, groups or courses`);
  return access;
}

/** `@UseGuards(ReaderGuard)`: a route for callers who read the tenant or a Manager's scope (route guards run after the bearer guard). */
@Injectable()
export class ReaderGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const caller = context.switchToHttp().getRequest<CallerRequest>().caller;
    if (!caller) throw unauthenticated('missing bearer token');
    assertReader(caller);
    return true;
  }
}
