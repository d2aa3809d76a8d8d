import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * What identity keeps per tenant (one small document each, addressed by `_id` = tenant id).
 * `owners` is the last-owner guard's atomic counter: demoting an Owner is one conditional
 * single-document update here, safe under concurrent chunks without counting the people collection.
 */
@Schema({ collection: 'tenants', versionKey: false })
export class Tenant {
  @Prop({ type: String, required: true })
  _id!: string;

  /** user ids of the tenant's active Owners; may briefly miss one after a crash, never keeps a former one */
  @Prop({ type: [String], default: [] })
  owners!: string[];
}

export const TenantSchema = SchemaFactory.createForClass(Tenant);
