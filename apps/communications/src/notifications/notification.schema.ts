import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { NotificationView, WorkChunk } from '@cohort/contracts';

/**
 * One in-app message to one person from one job, in the `notifications` collection. It waits
 * (`deliveredAt` null) while the person has not joined; the inbox lists delivered ones only.
 */
@Schema({ collection: 'notifications', versionKey: false })
export class Notification {
  /** `<tenantId>:<jobId>:<userId>`: a redelivered chunk writes the same document */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  userId!: string;

  @Prop({ required: true })
  jobId!: string;

  /** the saga step that sent it: the e-mail copy's outbox key is (job, step, person) */
  @Prop({ required: true })
  step!: number;

  @Prop({ required: true })
  subject!: string;

  @Prop({ required: true })
  body!: string;

  /** an e-mail copy was asked for (`params.email`) */
  @Prop({ required: true })
  emailCopy!: boolean;

  /** the e-mail copy still has to go out when the person joins (set while it waits) */
  @Prop({ required: true })
  emailPending!: boolean;

  @Prop({ type: Date, required: true })
  createdAt!: Date;

  /** null while the person has not joined */
  @Prop({ type: Date, default: null })
  deliveredAt!: Date | null;

  @Prop({ type: Date, default: null })
  readAt!: Date | null;
}

export const NotificationSchema = SchemaFactory.createForClass(Notification);
/** the inbox, newest first, and the waiting ones of a person */
NotificationSchema.index({ tenantId: 1, userId: 1, deliveredAt: -1, _id: -1 });

/** The `_id` of a job's notification to one person. */
export function notificationId(work: Pick<WorkChunk, 'tenantId' | 'jobId'>, userId: string): string {
  return `${work.tenantId}:${work.jobId}:${userId}`;
}

/** A delivered notification as its person reads it. */
export function notificationView(n: Notification & { deliveredAt: Date }): NotificationView {
  return {
    id: n._id,
    subject: n.subject,
    body: n.body,
    createdAt: n.createdAt.toISOString(),
    deliveredAt: n.deliveredAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}
