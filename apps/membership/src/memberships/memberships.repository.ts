import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Collection } from 'mongodb';
import { Model } from 'mongoose';
import { PersonDocuments } from '@cohort/common';
import { Membership, MembershipChange } from './membership.schema';

/** The only place that touches `memberships`: one document per person (PersonDocuments), and the manager-scope reads. */
@Injectable()
export class MembershipsRepository {
  private readonly people: PersonDocuments<Membership>;

  constructor(@InjectModel(Membership.name) model: Model<Membership>) {
    this.people = new PersonDocuments(model.collection as unknown as Collection<Membership>, () => ({ groupIds: [], sharedWith: [] }));
  }

  /** A person's document, if they have one (an id of another tenant has none). */
  findOne(tenantId: string, userId: string): Promise<Membership | undefined> {
    return this.people.findOne(tenantId, userId);
  }

  /** The documents of the people that have one, by user id (point reads). */
  findMany(tenantId: string, userIds: readonly string[]): Promise<Map<string, Membership>> {
    return this.people.findMany(tenantId, userIds);
  }

  /** Applies each change at most once per (job, step), creating the documents of people who have none yet. */
  applyOnce(tenantId: string, changes: readonly MembershipChange[]): Promise<void> {
    return this.people.applyOnce(tenantId, changes);
  }

  /** Up to `limit` people in any of the groups, by user id. */
  membersOf(tenantId: string, groupIds: readonly string[], limit: number): Promise<string[]> {
    if (groupIds.length === 0) return Promise.resolve([]);
    return this.userIds({ tenantId, groupIds: { $in: [...groupIds] } }, limit);
  }

  /** Up to `limit` people shared with the manager, by user id. */
  sharedWith(tenantId: string, managerUserId: string, limit: number): Promise<string[]> {
    return this.userIds({ tenantId, sharedWith: managerUserId }, limit);
  }

  private async userIds(filter: Record<string, unknown>, limit: number): Promise<string[]> {
    const docs = await this.people.collection
      .find(filter, { projection: { _id: 0, userId: 1 } })
      .sort({ userId: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => d.userId);
  }
}
