import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PERSON_STATUSES, PersonStatus, PROFILE_VISIBILITIES, ProfileVisibility, Role, ROLES } from '@cohort/contracts';
import { PERSON_INDEXES } from './person.indexes';

/** A marker of an applied (job, step) with the value it replaced: redelivery returns it instead of re-applying. */
export interface AppliedOp {
  k: string;
  b?: unknown;
}

/**
 * The invitation of a person who has not activated their account (null for anonymous accounts and
 * once accepted). Only the sha256 of the link's secret is stored; a new invitation replaces the hash,
 * so the older link stops working; a cancelled one keeps no hash at all.
 */
export interface Invitation {
  sentCount: number;
  sentAt: Date | null;
  /** sha256 (hex) of the secret part of the current invitation token; null when cancelled */
  tokenHash?: string | null;
  cancelledAt?: Date | null;
}

/** A pending password reset: single use (usedAt) and expiring (expiresAt, checked in the query). */
export interface PasswordReset {
  /** sha256 (hex) of the secret part of the reset token */
  tokenHash: string;
  expiresAt: Date;
  usedAt?: Date | null;
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

  @Prop({ type: String, enum: ROLES, required: true })
  role!: Role;

  @Prop({ type: [String], default: [] })
  permissions!: string[];

  @Prop({ default: 'en' })
  language!: string;

  @Prop()
  country?: string;

  @Prop({ type: String, enum: PROFILE_VISIBILITIES, default: 'public' })
  profileVisibility!: ProfileVisibility;

  @Prop({ type: [String], default: [] })
  labels!: string[];

  @Prop({ type: [String], default: [] })
  specialisms!: string[];

  @Prop({ type: Date })
  hireDate?: Date;

  /**
   * The status a person had before each suspension still in force (deactivate, archive-profile), most recent
   * last: reactivating returns them to exactly that (deactivated, then archived, comes back deactivated).
   */
  @Prop({ type: [String], enum: PERSON_STATUSES, default: [] })
  priorStatuses?: PersonStatus[];

  /** null until the person first signs in */
  @Prop({ type: Date, default: null })
  lastActiveAt?: Date | null;

  /** an account without e-mail sign-in that uses an access code */
  @Prop({ default: false })
  anonymous!: boolean;

  @Prop({ type: Object, default: null })
  invitation?: Invitation | null;

  @Prop({ type: Object, default: null })
  passwordReset?: PasswordReset | null;

  /** scrypt hash (`scrypt$<salt>$<hash>`) of the password chosen on accepting or resetting; null until then */
  @Prop({ type: String, default: null })
  passwordHash?: string | null;

  /** scrypt hash of an anonymous account's access code; null for e-mail accounts */
  @Prop({ type: String, default: null })
  accessCodeHash?: string | null;

  /** membership's teams and groups of the person, a copy kept from PersonFacts for the directory filter */
  @Prop({ type: [String], default: [] })
  groupIds?: string[];

  /** learning's courses of the person (any status), a copy kept from PersonFacts for the directory filter */
  @Prop({ type: [String], default: [] })
  courseIds?: string[];

  /** the courses the person finished (completed, passed, failed), withdrawn ones included */
  @Prop({ type: [String], default: [] })
  completedCourseIds?: string[];

  /** the courses the person passed (or completed without an assessment), withdrawn ones included */
  @Prop({ type: [String], default: [] })
  passedCourseIds?: string[];

  /** the courses the person failed and has not passed */
  @Prop({ type: [String], default: [] })
  failedCourseIds?: string[];

  /** those of `courseIds` the person started and has not finished (in progress, awaiting assessment) */
  @Prop({ type: [String], default: [] })
  startedCourseIds?: string[];

  /** when each copied list was read by its service (`groups`, `courses`): an older message never overwrites a newer one */
  @Prop({ type: Object, default: {} })
  factsAt?: { groups?: Date; courses?: Date };

  @Prop({ type: [Object], default: [] })
  ops!: AppliedOp[];

  /** bumped by every write: proves in tests that a redelivery wrote nothing */
  @Prop({ default: 1 })
  v!: number;

  /** set by the schema's timestamps */
  createdAt?: Date;
  updatedAt?: Date;
}

export const PersonSchema = SchemaFactory.createForClass(Person);
for (const [keys, options] of PERSON_INDEXES) PersonSchema.index(keys, options);

export function personKey(tenantId: string, userId: string): string {
  return `${tenantId}:${userId}`;
}

/** An active Owner: the people the last-owner guard counts. */
export function isActiveOwner(person: Pick<Person, 'role' | 'status'> | undefined): boolean {
  return person?.role === 'Owner' && person.status === 'active';
}
