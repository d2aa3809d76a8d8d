import { CommandBus, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { actionById, DecideRequest, DecideResponse, validateParams, WorkChunk } from '@cohort/contracts';
import { IDENTITY, IdentityError } from '../../identity.errors';
import { workAction } from '../work-actions';

/** A dry run of one of identity's work actions for up to 1000 people: the outcomes, nothing written. */
export class Decide {
  constructor(
    readonly tenantId: string,
    readonly request: DecideRequest,
  ) {}
}

/** Runs the action's own command in dry-run mode, so preview and job share every decision function. */
@QueryHandler(Decide)
export class DecideHandler implements IQueryHandler<Decide, DecideResponse> {
  constructor(private readonly commands: CommandBus) {}

  async execute({ tenantId, request }: Decide): Promise<DecideResponse> {
    const action = workAction(request.action);
    if (!action) throw new IdentityError(IDENTITY.UNKNOWN_ACTION, `identity has no action "${request.action}"`, 'action');
    // a catalogue action's params are checked here for a 400; participant-only steps (mark-pending-deletion)
    // check the params of the catalogue action they serve in their own handler
    const params = actionById(request.action) ? validateParams(request.action, request.params) : undefined;
    if (params && !params.ok) throw new IdentityError(IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`, params.field);
    const work: WorkChunk = {
      jobId: 'dry-run',
      step: 0,
      chunk: 0,
      attempt: 1,
      tenantId,
      action: request.action,
      actorId: request.actorId,
      params: request.params,
      userIds: request.userIds,
    };
    return { outcomes: await this.commands.execute(new action.command(work, true)) };
  }
}
