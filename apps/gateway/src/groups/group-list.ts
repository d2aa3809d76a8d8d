import { z } from 'zod';
import { CourseList, EntityId, GroupList, GroupView } from '@cohort/contracts';

/** A course a group enrols its new members in, with its title when learning could say it. */
export const AutoEnrolCourse = z.object({
  courseId: EntityId,
  title: z.string().optional().describe('Absent when learning did not answer (see unavailable) or does not know the course'),
});

/** `GET /v1/groups`: membership's teams and groups, each with its auto-enrolment courses titled. */
export const GroupPickerList = z.object({
  items: z.array(
    GroupView.extend({ autoEnrolCourses: z.array(AutoEnrolCourse).describe('autoEnrolCourseIds with their titles, in the same order') }),
  ),
  unavailable: z.array(z.literal('learning')).describe('["learning"] when the course titles could not be read'),
});
export type GroupPickerList = z.infer<typeof GroupPickerList>;

/** Pure: membership's groups with the titles of their auto-enrolment courses; without a course list (learning down), ids only. */
export function withCourseTitles(groups: GroupList, courses: CourseList | undefined): GroupPickerList {
  const titles = new Map((courses?.items ?? []).map((c) => [c.courseId, c.title]));
  return {
    items: groups.items.map((group) => ({
      ...group,
      autoEnrolCourses: group.autoEnrolCourseIds.map((courseId) => {
        const title = titles.get(courseId);
        return title === undefined ? { courseId } : { courseId, title };
      }),
    })),
    unavailable: courses ? [] : ['learning'],
  };
}
