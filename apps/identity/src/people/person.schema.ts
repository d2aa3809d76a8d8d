import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const PERSON_STATUSES = ['invited', 'active', 'deactivated', 'archived', 'pending-deletion'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** A marker of an applied (job, step) with the value it replaced: redelivery returns it instead of re-applying. */
export interface AppliedOp {
  k: string;
  b?: unknown;
}

/**
 * One person of one tenant. `_id` is `<tenantId>:<userId>`: every hot-path read and write addresses
 * a person by `_id` alone (the only filter FerretDB serves from an index), and an id of another
 * tenant can never match.
 */
@Schema({ collection: 'people', versionKey: false, timestamps: true })
export class Person {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true, index: true })
  tenantId!: string;

  @Prop({ required: true })
  userId!: string;

  @Prop({ required: true, lowercase: true, trim: true })
  email!: string;

  @Prop({ default: '' })
  name!: string;

  /** lowercased "name email" for free-text search (no text indexes on FerretDB) */
  @Prop({ default: '' })
  search!: string;

  @Prop({ type: String, enum: PERSON_STATUSES, default: 'invited' })
  status!: PersonStatus;

  @Prop({ required: true })
  role!: string;

  @Prop({ type: [String], default: [] })
  permissions!: string[];

  @Prop({ default: 'en' })
  language!: string;

  @Prop()
  country?: string;

  @Prop({ type: [String], default: [] })
  labels!: string[];

  @Prop({ type: [String], default: [] })
  specialisms!: string[];

  @Prop({ type: [Object], default: [] })
  ops!: AppliedOp[];

  /** bumped by every write: proves in tests that a redelivery wrote nothing */
  @Prop({ default: 1 })
  v!: number;
}

export const PersonSchema = SchemaFactory.createForClass(Person);
PersonSchema.index({ tenantId: 1, email: 1 }, { unique: true });
PersonSchema.index({ tenantId: 1, role: 1 });
PersonSchema.index({ tenantId: 1, status: 1 });

export function personKey(tenantId: string, userId: string): string {
  return `${tenantId}:${userId}`;
}
