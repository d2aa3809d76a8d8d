import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll, opKey } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { PeopleRepository, PersonChange } from '../../people/people.repository';
import { hashSecret, newAccessCode } from '../../tokens/secrets';
import { decideEach, DRY_RUN_KEY, dryRunOutcome } from '../decision';
import { decidePropertiesUpdate } from './update-properties.decision';

/** A work chunk of `update-properties`; a dry run decides without writing (and never issues a code). */
export class UpdateProperties {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/**
 * Sets country and profile visibility, and resets the access code of anonymous accounts. The code is
 * derived from the op key, so a redelivered chunk reports the very code it stored the hash of; only the
 * scrypt hash is stored, and the code goes to the admin as the person's result (`data.accessCode`).
 */
@CommandHandler(UpdateProperties)
export class UpdatePropertiesHandler implements ICommandHandler<UpdateProperties, Outcome[]> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ work, dryRun }: UpdateProperties): Promise<Outcome[]> {
    const params = validateParams('update-properties', work.params);
    if (!params.ok) return failAll(work, IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const found = await this.people.findMany(work.tenantId, work.userIds);
    const key = dryRun ? DRY_RUN_KEY : opKey(work);
    const resets = new Set<string>();
    const decisions = decideEach(work.userIds, (id) => {
      const decision = decidePropertiesUpdate(id, found.get(id), { ...params.params, key });
      if (decision.resetsAccessCode) resets.add(id);
      return decision;
    });
    if (dryRun) return decisions.map(dryRunOutcome);
    const codes = new Map([...resets].map((userId) => [userId, newAccessCode({ tenantId: work.tenantId, userId, key })]));
    const changes = await Promise.all(decisions.flatMap((d) => (d.change ? [withAccessCode(d.change, codes.get(d.change.userId))] : [])));
    await this.people.apply(work.tenantId, changes);
    return decisions.map((d) => {
      const code = codes.get(d.outcome.userId);
      return code ? { ...d.outcome, data: { accessCode: code } } : d.outcome;
    });
  }
}

/** The change plus the hash of the new access code, if the person gets one. */
async function withAccessCode(change: PersonChange, code: string | undefined): Promise<PersonChange> {
  return code ? { ...change, set: { ...change.set, accessCodeHash: await hashSecret(code) } } : change;
}
