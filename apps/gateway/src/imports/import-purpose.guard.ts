import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { permittedActions } from '@cohort/auth';
import { IMPORT_PURPOSES, ImportPurpose } from '@cohort/contracts';
import { assertAllowed } from '../auth/may-run.guard';
import type { CallerRequest } from '../auth/caller';
import { forbidden, invalidField, unauthenticated } from '../gateway.errors';

/**
 * `POST /v1/imports?purpose=`: who may upload which file, before its bytes are read. `invite` (the default)
 * stages new accounts: callers who may run invite-users. `select` stages a selection of existing people for
 * any other action: callers who may run at least one action besides invite-users.
 */
@Injectable()
export class ImportPurposeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<CallerRequest>();
    const caller = req.caller;
    if (!caller) throw unauthenticated('missing bearer token');
    const purpose = importPurposeOf(req.query.purpose);
    if (purpose === 'invite') assertAllowed(caller, 'invite-users');
    else if (!permittedActions({ role: caller.role, permissions: caller.perms }).some((id) => id !== 'invite-users')) {
      throw forbidden(`a ${caller.role} may run no action to select people for`);
    }
    return true;
  }
}

/** `?purpose=`: invite when absent, else invite or select (400 naming purpose). */
export function importPurposeOf(raw: unknown): ImportPurpose {
  if (raw === undefined) return 'invite';
  if (typeof raw === 'string' && (IMPORT_PURPOSES as readonly string[]).includes(raw)) return raw as ImportPurpose;
  throw invalidField('purpose', `one of ${IMPORT_PURPOSES.join(', ')}`);
}
