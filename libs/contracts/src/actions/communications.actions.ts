import { z } from 'zod';
import { defineAction } from './define-action';

/** Communications owns the e-mail outbox, templates and in-app notifications (DESIGN.md §1). */
export const communicationsActions = [
  defineAction({
    id: 'send-notification',
    service: 'communications',
    title: 'Send notification',
    description: "Puts a message in each person's in-app inbox (people not yet joined get it when they join), optionally also by e-mail.",
    params: z.strictObject({
      subject: z.string().min(1).max(200).describe('Subject (1 to 200 characters)'),
      body: z.string().min(1).max(5000).describe('Message text (1 to 5000 characters)'),
      email: z.boolean().default(false).describe('Also send it by e-mail'),
    }),
    reversible: false,
    destructive: false,
    permission: 'notifications',
  }),
] as const;
