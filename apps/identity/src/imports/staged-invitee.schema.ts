import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { RowError } from './import-row';

/** How long an uploaded file's rows can be invited: older imports are ignored (FerretDB has no TTL indexes). */
export const IMPORT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * One row of an uploaded people file. `_id` is `<tenantId>:imp-<importId>-<row>`.
 *
 * An `invite` import's row waits for `invite-users`: the key's user id is the one the row's account will
 * get, so the handler reads a row by `_id` alone, the one filter FerretDB serves from an index. An invalid
 * row is kept with its error: it becomes that person's failure when the job runs.
 *
 * A `select` import's row (`purpose: 'select'`) names an existing person by e-mail: `userId` is that
 * person, and the import's selection is those user ids. Only matched rows are stored.
 */
@Schema({ collection: 'staged_invitees', versionKey: false })
export class StagedInvitee {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  importId!: string;

  /** row number in the file, the header being row 1 */
  @Prop({ required: true })
  row!: number;

  /** lowercased; the fields of a valid row only (an invalid row keeps just its error) */
  @Prop()
  email?: string;

  @Prop()
  name?: string;

  /** one of ROLES for a valid row */
  @Prop()
  role?: string;

  /** one of LANGUAGES, or absent, for a valid row */
  @Prop()
  language?: string;

  @Prop({ type: Object })
  error?: RowError;

  /** `select` for a row of a file of existing people's e-mails; absent for a row to invite */
  @Prop({ type: String })
  purpose?: 'select';

  /** the existing person a select row matched */
  @Prop({ type: String })
  userId?: string;

  @Prop({ type: Date, required: true })
  createdAt!: Date;
}

export const StagedInviteeSchema = SchemaFactory.createForClass(StagedInvitee);
StagedInviteeSchema.index({ tenantId: 1, importId: 1 });
StagedInviteeSchema.index({ tenantId: 1, createdAt: 1 });

/** The user id an import's row gets: unique per import and row, and recognisable as imported. */
export function stagedUserId(importId: string, row: number): string {
  return `imp-${importId}-${row}`;
}

/** A staged row that can still be invited. */
export function isLive(row: Pick<StagedInvitee, 'createdAt'>, now: Date): boolean {
  return now.getTime() - row.createdAt.getTime() < IMPORT_TTL_MS;
}
