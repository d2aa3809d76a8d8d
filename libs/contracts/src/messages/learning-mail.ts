import { z } from 'zod';
import { EntityId, IsoDate, IsoDateTime } from '../fields';

const Title = z.string().min(1, 'must not be empty').max(300);

/** A page of the console below the public URL, e.g. `/console/#/courses/c-42` (a path, never another site). */
const ConsolePath = z
  .string()
  .max(500)
  .regex(/^\/(?!\/)\S*$/, 'a path starting with a single / (no host, no spaces)');

/**
 * What learning hands the communications step that e-mails a person about a learning action (Outcome.data
 * of `enrol`, `add-task` and `assign-certificate`, arriving as WorkChunk.data of `send-enrolled`,
 * `send-task-assigned` and `send-certificate-awarded`). Only what learning knows: the titles and ids.
 * Learning knows no names or addresses; communications looks the person up in identity and writes in
 * their language. The certificate is linked (its page in the console), not attached.
 */
export const LearningMail = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('enrolled'),
    /** the courses the person was enrolled in by this step */
    courseTitles: z.array(Title).min(1).max(100),
    /** where "start learning" leads, below the public URL (default: the person's courses) */
    link: ConsolePath.optional(),
  }),
  z.object({
    kind: z.literal('task-assigned'),
    taskTitle: Title,
    /** ISO date (or date-time) the task is due */
    dueDate: z.union([IsoDate, IsoDateTime]).optional(),
  }),
  z.object({
    kind: z.literal('certificate-awarded'),
    courseTitle: Title,
    /** the certificate's id: the e-mail links to its page in the console */
    certificateId: EntityId,
  }),
]);
export type LearningMail = z.infer<typeof LearningMail>;
