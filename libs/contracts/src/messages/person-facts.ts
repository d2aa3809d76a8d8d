import { z } from 'zod';
import { EntityId, IsoDateTime } from '../fields';
import { TenantId, UserId } from './work';

/**
 * `cohort.people.facts.v1`: what membership and learning know about a person that the people directory
 * filters on (DESIGN.md §1 "Find people": team or group, course enrolment or completion). Each service
 * publishes the person's whole current lists after it changes them, keyed by `<tenant>:<user>` so one
 * person's facts stay in order; identity keeps a copy on the person for its filters (event-carried state:
 * no service reads another's collections). A list that is absent is not this message's to say.
 */
export const PersonFacts = z.object({
  tenantId: TenantId,
  userId: UserId,
  /** membership: every team and group the person is in now */
  groupIds: z.array(EntityId).max(10_000).optional(),
  /** learning: every course, path or series the person is enrolled in now (any status) */
  courseIds: z.array(EntityId).max(10_000).optional(),
  /** learning: the courses the person finished (completed, passed or failed), withdrawn ones included: their record */
  completedCourseIds: z.array(EntityId).max(10_000).optional(),
  /** learning: the courses the person passed (passed, or completed without an assessment), withdrawn ones included */
  passedCourseIds: z.array(EntityId).max(10_000).optional(),
  /** learning: the courses the person failed and has not passed, withdrawn ones included */
  failedCourseIds: z.array(EntityId).max(10_000).optional(),
  /** learning: those of `courseIds` the person started and has not finished (in progress, or awaiting assessment) */
  startedCourseIds: z.array(EntityId).max(10_000).optional(),
  /** when the publishing service read these lists */
  at: IsoDateTime,
});
export type PersonFacts = z.infer<typeof PersonFacts>;
