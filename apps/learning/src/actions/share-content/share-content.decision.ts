import { ContentRef } from '@cohort/contracts';
import { failedBecause, skippedBecause } from '@cohort/messaging';
import { contentKey, ContentDoc } from '../../catalogue/catalogue';
import { LEARNING } from '../../learning.errors';
import { ContentShare, isInactive } from '../../learners/learner';
import { changed, inactive, LearnerDecision, settledAlready, Subject } from '../learner-decision';

export interface ShareContext {
  items: readonly ContentRef[];
  /** the tenant's content among the items, by `<kind>:<id>` */
  content: ReadonlyMap<string, ContentDoc>;
  now: Date;
}

/**
 * Pure: sharing content items, channels or learnlists with one person. Content the tenant lacks fails
 * everyone (naming it); the items shared with them already are left as they are. `before` is the items
 * this step shared (`{kind, id}`).
 */
export function decideShareContent(s: Subject, ctx: ShareContext): LearnerDecision {
  const settled = settledAlready(s);
  if (settled) return settled;
  const missing = ctx.items.find((item) => !ctx.content.has(contentKey(item)));
  if (missing) return failedBecause(s.userId, LEARNING.CONTENT_NOT_FOUND, `${missing.kind} ${missing.id} not found`);
  if (isInactive(s.person!)) return inactive(s);
  const shared = new Set((s.learner?.contentShares ?? []).map(contentKey));
  const requested = [...new Map(ctx.items.map((i) => [contentKey(i), { kind: i.kind, id: i.id }])).values()];
  const already = requested.filter((i) => shared.has(contentKey(i)));
  const added = requested.filter((i) => !shared.has(contentKey(i)));
  if (added.length === 0) return skippedBecause(s.userId, LEARNING.ALREADY_SHARED, 'everything is shared with them already', already);
  const shares = added.map((i): ContentShare => ({ ...i, sharedAt: ctx.now }));
  return changed(s, {
    before: added,
    update: { $push: { contentShares: { $each: shares } } },
    preview: { before: already, after: requested },
  });
}
