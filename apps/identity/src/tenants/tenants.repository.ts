import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { PeopleRepository } from '../people/people.repository';
import { Tenant } from './tenant.schema';

const DUPLICATE_KEY = 11000;

/** The only place that touches the `tenants` collection. */
@Injectable()
export class TenantsRepository {
  constructor(
    @InjectModel(Tenant.name) private readonly tenants: Model<Tenant>,
    private readonly people: PeopleRepository,
  ) {}

  /** The tenant's active Owners. The first call for a tenant builds the list from one scan of its people. */
  async owners(tenantId: string): Promise<string[]> {
    const stored = await this.tenants.findById(tenantId).lean<Tenant>().exec();
    if (stored) return stored.owners;
    const scanned = await this.people.activeOwnerIds(tenantId);
    try {
      // $setOnInsert: a list another process created meanwhile (and may have changed since) wins
      await this.tenants.updateOne({ _id: tenantId }, { $setOnInsert: { owners: scanned } }, { upsert: true }).exec();
    } catch (err) {
      if ((err as { code?: number }).code !== DUPLICATE_KEY) throw err;
    }
    return (await this.tenants.findById(tenantId).lean<Tenant>().exec())?.owners ?? scanned;
  }

  /**
   * Takes `userId` off the owners list only if another Owner remains, in one atomic single-document
   * update (the list holds unique ids): two chunks demoting a tenant's last two Owners at once cannot
   * both pass. False when the person is the last Owner (or the list does not exist).
   */
  async removeOwnerIfAnotherRemains(tenantId: string, userId: string): Promise<boolean> {
    const anotherRemains = { $or: [{ 'owners.1': { $exists: true } }, { 'owners.0': { $exists: true }, owners: { $ne: userId } }] };
    const updated = await this.tenants
      .findOneAndUpdate({ _id: tenantId, ...anotherRemains }, { $pull: { owners: userId } }, { new: true })
      .lean<Tenant>()
      .exec();
    return updated !== null;
  }

  async addOwners(tenantId: string, userIds: string[]): Promise<void> {
    if (userIds.length) await this.tenants.updateOne({ _id: tenantId }, { $addToSet: { owners: { $each: userIds } } }).exec();
  }

  /** `$pullAll` (FerretDB ignores `$pull` with `$in`). */
  async removeOwners(tenantId: string, userIds: string[]): Promise<void> {
    if (userIds.length) await this.tenants.updateOne({ _id: tenantId }, { $pullAll: { owners: userIds } }).exec();
  }
}
