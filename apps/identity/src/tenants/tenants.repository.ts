import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Lease, LeaseLock } from '@cohort/common';
import { PeopleRepository } from '../people/people.repository';
import { Tenant } from './tenant.schema';

const DUPLICATE_KEY = 11000;

/** The only place that touches the `tenants` collection. */
@Injectable()
export class TenantsRepository {
  /** every change of a tenant's owners list runs under this lease: read, decide and write as one step on any store */
  private readonly lock: LeaseLock;

  constructor(
    @InjectModel(Tenant.name) private readonly tenants: Model<Tenant>,
    private readonly people: PeopleRepository,
  ) {
    this.lock = new LeaseLock(tenants.db.collection<Lease>('tenant_locks'));
  }

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
   * Takes `userId` off the owners list only if another Owner remains. The check and the write happen
   * under the tenant's lease (a conditional update alone is not atomic on FerretDB 1.x): two chunks
   * demoting a tenant's last two Owners at once cannot both pass. False when the person is the last
   * Owner (or the list does not exist).
   */
  async removeOwnerIfAnotherRemains(tenantId: string, userId: string): Promise<boolean> {
    return this.changeOwners(tenantId, (owners) => (owners.some((o) => o !== userId) ? owners.filter((o) => o !== userId) : undefined));
  }

  async addOwners(tenantId: string, userIds: string[]): Promise<void> {
    if (userIds.length) await this.changeOwners(tenantId, (owners) => [...new Set([...owners, ...userIds])]);
  }

  async removeOwners(tenantId: string, userIds: string[]): Promise<void> {
    if (userIds.length) await this.changeOwners(tenantId, (owners) => owners.filter((o) => !userIds.includes(o)));
  }

  /** Reads, changes and writes the owners list under the tenant's lease; `change` answering undefined refuses. False when refused or absent. */
  private changeOwners(tenantId: string, change: (owners: string[]) => string[] | undefined): Promise<boolean> {
    return this.lock.run(`owners:${tenantId}`, async () => {
      const stored = await this.tenants.findById(tenantId).lean<Tenant>().exec();
      const next = stored ? change(stored.owners) : undefined;
      if (!next) return false;
      await this.tenants.updateOne({ _id: tenantId }, { $set: { owners: next } }).exec();
      return true;
    });
  }
}
