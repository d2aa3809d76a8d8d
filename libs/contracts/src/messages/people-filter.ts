import { z } from 'zod';
import { EntityId, IsoDate, Country, listOf, Tag } from '../fields';
import { Language, PersonStatus, Role } from '../vocabulary';

/**
 * Which people of a tenant a selection or a directory page covers (DESIGN.md §1 "Find people").
 * Fields combine with AND; the values of one list field combine with OR. `{}` is everyone.
 * Lists are non-empty on purpose: an empty list would read as "no constraint" and silently
 * widen a destructive job to the whole tenant. Unknown keys are rejected for the same reason.
 */
/** Where a person stands in one course (the compliance filters: remind everyone who has not passed it). */
export const COURSE_STATUSES = ['passed', 'failed', 'in-progress', 'not-started', 'not-enrolled', 'not-passed'] as const;
export const CourseStatus = z.enum(COURSE_STATUSES);
export type CourseStatus = z.infer<typeof CourseStatus>;

export const PeopleFilter = z
  .strictObject({
    roles: listOf(Role, 10).optional().describe('People with any of these roles'),
    statuses: listOf(PersonStatus, 10).optional().describe('People in any of these statuses'),
    groupIds: listOf(EntityId, 100).optional().describe('Members of any of these teams or groups'),
    labels: listOf(Tag, 100).optional().describe('People carrying any of these labels'),
    specialisms: listOf(Tag, 100).optional().describe('People with any of these specialisms'),
    languages: listOf(Language, 20).optional().describe('People with any of these interface languages'),
    countries: listOf(Country, 250).optional().describe('People in any of these countries (ISO 3166-1 alpha-2)'),
    courseId: EntityId.optional().describe('People enrolled in this course (alone), or the course courseStatus is about'),
    courseStatus: CourseStatus.optional().describe(
      'With courseId: where people stand in that course — passed, failed, in-progress (started, or awaiting assessment), ' +
        'not-started (enrolled, not begun), not-enrolled, not-passed (everyone who has not passed it, enrolled or not)',
    ),
    completion: z
      .enum(['completed', 'not-completed'])
      .optional()
      .describe('Kept for existing clients: with courseId, the same as courseStatus passed / not-passed; without, passed any course / none'),
    hiredAfter: IsoDate.optional().describe('Hired on or after this date (YYYY-MM-DD)'),
    hiredBefore: IsoDate.optional().describe('Hired before this date (YYYY-MM-DD)'),
    lastActiveAfter: IsoDate.optional().describe('Last active on or after this date (YYYY-MM-DD)'),
    lastActiveBefore: IsoDate.optional().describe('Last active before this date (YYYY-MM-DD)'),
    q: z.string().max(200).optional().describe('Free text matched against name and e-mail'),
  })
  .refine((f) => !f.courseStatus || f.courseId, { message: 'courseStatus needs courseId: the course it is about', path: ['courseStatus'] })
  .describe('Which people: fields combine with AND, values of one list with OR; {} is everyone');
export type PeopleFilter = z.infer<typeof PeopleFilter>;
