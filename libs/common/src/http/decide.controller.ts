import { Body, Controller, HttpCode, HttpStatus, Param, Post, Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { actionById, DecideRequest, DecideResponse, Outcome, ownParams, ServiceName, TenantId, validateParams, WorkChunk } from '@cohort/contracts';
import { WorkCommand } from '@cohort/messaging';
import { httpError, parseOr400 } from './http-error';

/**
 * `POST /internal/tenants/:tenantId/decide` of a participant service: a dry run of one of its work actions
 * for up to 1000 people (the preview's per-person outcomes). It runs the action's own command with
 * `dryRun = true`, so preview and job share every decision function; nothing is written.
 * 404 `<SERVICE>.UNKNOWN_ACTION` for an action the service does not have; 400 `<SERVICE>.INVALID_PARAMS`.
 */
export function decideController(service: ServiceName, commandFor: (actionId: string) => WorkCommand | undefined): Type<unknown> {
  const code = (suffix: string) => `${service.toUpperCase()}.${suffix}`;

  @Controller('internal/tenants/:tenantId')
  class DecideController {
    constructor(readonly commands: CommandBus) {}

    @Post('decide')
    @HttpCode(HttpStatus.OK)
    async decide(@Param('tenantId') tenant: string, @Body() body: unknown): Promise<DecideResponse> {
      const tenantId = parseOr400(service, TenantId, tenant, ['tenantId']);
      const request = parseOr400(service, DecideRequest, body);
      const command = commandFor(request.action);
      if (!command) throw httpError(HttpStatus.NOT_FOUND, code('UNKNOWN_ACTION'), `${service} has no action "${request.action}"`, 'action');
      // a catalogue action's params are checked here for a 400; participant-only steps check their own
      const params = actionById(request.action) ? validateParams(request.action, ownParams(request.params)) : undefined;
      if (params && !params.ok) throw httpError(HttpStatus.BAD_REQUEST, code('INVALID_PARAMS'), `${params.field}: ${params.message}`, params.field);
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
      const outcomes: Outcome[] = await this.commands.execute(new command(work, true));
      return { outcomes };
    }
  }
  Object.defineProperty(DecideController, 'name', { value: `${service[0].toUpperCase()}${service.slice(1)}DecideController` });
  return DecideController;
}
