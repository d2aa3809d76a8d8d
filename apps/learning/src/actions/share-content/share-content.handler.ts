import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { CatalogueRepository } from '../../catalogue/catalogue.repository';
import { LEARNING } from '../../learning.errors';
import { LearnerActionRunner } from '../learner-action.runner';
import { decideShareContent } from './share-content.decision';

/** A work chunk of `share-content`; a dry run decides without writing. */
export class ShareContent {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Shares the items with each person of the chunk (see decideShareContent). */
@CommandHandler(ShareContent)
export class ShareContentHandler implements ICommandHandler<ShareContent, Outcome[]> {
  constructor(
    private readonly runner: LearnerActionRunner,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute({ work, dryRun }: ShareContent): Promise<Outcome[]> {
    const params = validateParams('share-content', work.params);
    if (!params.ok) return failAll(work, LEARNING.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const { items } = params.params;
    const now = new Date();
    return this.runner.run(work, dryRun, async () => {
      const content = await this.catalogue.findContent(work.tenantId, items);
      return (s) => decideShareContent(s, { items, content, now });
    });
  }
}
