import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Collection } from 'mongodb';
import { Model } from 'mongoose';
import { byKindAndName, Group, groupKey } from './group.schema';

/** The only place that reads `groups` (membership never writes it: the seed and team management do). */
@Injectable()
export class GroupsRepository {
  private readonly groups: Collection<Group>;

  constructor(@InjectModel(Group.name) model: Model<Group>) {
    this.groups = model.collection as unknown as Collection<Group>;
  }

  /** The groups of these ids that exist in the tenant, by group id: one point read by `_id` each (an action names at most 100). */
  async byIds(tenantId: string, groupIds: readonly string[]): Promise<Map<string, Group>> {
    const ids = [...new Set(groupIds)];
    const docs = await Promise.all(ids.map((id) => this.groups.findOne({ _id: groupKey(tenantId, id) })));
    return new Map(docs.flatMap((g) => (g && g.tenantId === tenantId ? [[g.groupId, g] as const] : [])));
  }

  /** Every team and group of the tenant: teams first, then groups, by name. */
  async list(tenantId: string): Promise<Group[]> {
    return (await this.groups.find({ tenantId }).toArray()).sort(byKindAndName);
  }

  /** The teams whose managers include the person. */
  async teamsManagedBy(tenantId: string, userId: string): Promise<Group[]> {
    return (await this.groups.find({ tenantId, kind: 'team', managerUserIds: userId }).toArray()).sort(byKindAndName);
  }
}
