import { z } from 'zod';
import { courseId, courseIds, EntityId, IsoDate, listOf } from '../fields';
import { ContentKind, ParticipationStatus } from '../vocabulary';
import { defineAction } from './define-action';

/** Learning owns courses, paths, enrolments, tasks, certificates and content shares (DESIGN.md §1). */

const title = z.string().min(1).max(200);

export const ContentRef = z.strictObject({
  kind: ContentKind.describe('What is shared: a content item, a channel or a learnlist'),
  id: EntityId.describe('Id of the item, channel or learnlist'),
});
export type ContentRef = z.infer<typeof ContentRef>;

export const learningActions = [
  defineAction({
    id: 'enrol',
    service: 'learning',
    title: 'Enrol',
    description: 'Enrols each person in the courses, learning paths or course series.',
    params: z.strictObject({ courseIds }),
    reversible: false,
    destructive: false,
    permission: 'enrolments',
  }),
  defineAction({
    id: 'withdraw',
    service: 'learning',
    title: 'Withdraw from course',
    description: 'Withdraws each person from the courses; their progress in them is removed.',
    params: z.strictObject({ courseIds }),
    reversible: false,
    destructive: true,
    permission: 'enrolments',
  }),
  defineAction({
    id: 'add-task',
    service: 'learning',
    title: 'Add task',
    description: 'Gives each person a task, announced by e-mail.',
    params: z.strictObject({
      title: title.describe('Task title (1 to 200 characters)'),
      description: z.string().max(2000).optional().describe('What to do (up to 2000 characters)'),
      dueDate: IsoDate.optional().describe('Due date (YYYY-MM-DD)'),
    }),
    reversible: false,
    destructive: false,
    permission: 'tasks',
  }),
  defineAction({
    id: 'assign-certificate',
    service: 'learning',
    title: 'Assign certificate',
    description: 'Awards each person a certificate (a PDF), announced by e-mail.',
    params: z.strictObject({
      courseId: courseId.optional().describe('Course the certificate is for, if any'),
      title: title.describe('Title printed on the certificate (1 to 200 characters)'),
    }),
    reversible: false,
    destructive: false,
    permission: 'certificates',
  }),
  defineAction({
    id: 'download-certificates',
    service: 'learning',
    title: 'Download certificates',
    description: 'Collects the certificates of the selection into one ZIP file, the artifact of the job.',
    params: z.strictObject({
      courseId: courseId.optional().describe('Only certificates of this course; all if absent'),
    }),
    reversible: false,
    destructive: false,
    permission: 'certificates',
    artifact: { mediaType: 'application/zip', extension: 'zip' },
  }),
  defineAction({
    id: 'retake-course',
    service: 'learning',
    title: 'Retake course',
    description: 'Resets the course for each person so they take it again; earlier results stay in the history.',
    params: z.strictObject({ courseId }),
    reversible: false,
    destructive: false,
    permission: 'enrolments',
  }),
  defineAction({
    id: 'set-deadline',
    service: 'learning',
    title: 'Set course deadline',
    description: "Sets the date by which each person must finish the course they're enrolled in.",
    params: z.strictObject({
      courseId,
      deadline: IsoDate.describe('Deadline (YYYY-MM-DD)'),
    }),
    reversible: true,
    destructive: false,
    permission: 'enrolments',
  }),
  defineAction({
    id: 'set-participation-status',
    service: 'learning',
    title: 'Set participation status',
    description: 'Records each enrolled person as passed, failed or undecided for the course.',
    params: z.strictObject({
      courseId,
      status: ParticipationStatus.describe('passed, failed or undecided'),
    }),
    reversible: true,
    destructive: false,
    permission: 'enrolments',
  }),
  defineAction({
    id: 'share-content',
    service: 'learning',
    title: 'Share content',
    description: 'Shares content items, channels or learnlists with each person.',
    params: z.strictObject({
      items: listOf(ContentRef, 100).describe('What to share (1 to 100 items)'),
    }),
    reversible: false,
    destructive: false,
    permission: 'share-content',
  }),
] as const;
