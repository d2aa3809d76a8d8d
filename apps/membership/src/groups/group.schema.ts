import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { GroupKind, GroupView } from '@cohort/contracts';

/**
 * A team or group of a tenant, in `groups` (`_id` `<tenantId>:<groupId>`). Written by the seed and by
 * whatever manages teams; membership's actions only read it: which ids exist, their auto-enrolment
 * targets, and who manages a team.
 */
@Schema({ collection: 'groups', versionKey: false })
export class Group {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  groupId!: string;

  @Prop({ required: true })
  name!: string;

  /** a team has managers who follow its members; a group is a plain set of people */
  @Prop({ type: String, required: true, enum: ['team', 'group'] })
  kind!: GroupKind;

  /** courses a person added to the group is enrolled in (learning's auto-enrol step) */
  @Prop({ type: [String], default: [] })
  autoEnrolCourseIds!: string[];

  @Prop({ type: [String], default: [] })
  managerUserIds!: string[];
}

export const GroupSchema = SchemaFactory.createForClass(Group);
/** the picker's list: a tenant's teams and groups by kind and name */
GroupSchema.index({ tenantId: 1, kind: 1, name: 1 });
/** the teams a manager manages (add-share, manager scope) */
GroupSchema.index({ tenantId: 1, managerUserIds: 1 });

/** `_id` of a group: one tenant's ids never meet another's. */
export function groupKey(tenantId: string, groupId: string): string {
  return `${tenantId}:${groupId}`;
}

/** A group as the internal API shows it (GroupView of libs/contracts). */
export function groupView(group: Group): GroupView {
  return {
    groupId: group.groupId,
    name: group.name,
    kind: group.kind,
    autoEnrolCourseIds: [...(group.autoEnrolCourseIds ?? [])],
    managerUserIds: [...(group.managerUserIds ?? [])],
  };
}

const KIND_ORDER: Record<GroupKind, number> = { team: 0, group: 1 };

/** Teams first, then groups, each by name (then id, so equal names keep one order). */
export function byKindAndName(a: Pick<Group, 'kind' | 'name' | 'groupId'>, b: Pick<Group, 'kind' | 'name' | 'groupId'>): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name) || a.groupId.localeCompare(b.groupId);
}
