import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { AppliedOp, PersonDocument, PersonUpdate } from '@cohort/common';

/**
 * The op marker of a (job, step) applied to a person's memberships: `b` is what the step changed (the group
 * ids it added or removed, or the prior `sharedWith`), which undo and compensation take back; `d` is the
 * outcome's `data` (add-to-groups' auto-enrolment targets), so a redelivery hands the next step the same.
 */
export interface MembershipOp extends AppliedOp {
  d?: Record<string, unknown>;
}

/**
 * One person's teams, groups and shares in one tenant, in `memberships` (`_id` `<tenantId>:<userId>`, read
 * and written through PersonDocuments). The schema is here for its indexes; documents are written with the
 * driver so the op marker goes in the same single-document update as the change.
 */
@Schema({ collection: 'memberships', versionKey: false })
export class Membership implements PersonDocument {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  userId!: string;

  /** the teams and groups the person is in (ids of `groups`) */
  @Prop({ type: [String], default: [] })
  groupIds!: string[];

  /** managers of other teams the person was shared with (add-share) */
  @Prop({ type: [String], default: [] })
  sharedWith!: string[];

  /** the newest applied (job, step) markers (PersonDocuments keeps OPS_KEPT) */
  @Prop({ type: [Object], default: [] })
  ops!: MembershipOp[];
}

export const MembershipSchema = SchemaFactory.createForClass(Membership);
/** members of a manager's teams (manager scope) and the directory's team/group filter */
MembershipSchema.index({ tenantId: 1, groupIds: 1 });
/** the people shared with a manager (manager scope) */
MembershipSchema.index({ tenantId: 1, sharedWith: 1 });

/** One person's write of one (job, step), with its op marker. */
export type MembershipChange = PersonUpdate<Membership>;
