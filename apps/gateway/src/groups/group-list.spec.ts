import { GroupPickerList, withCourseTitles } from './group-list';

const groups = {
  items: [
    { groupId: 'g-1', name: 'Sales', kind: 'team' as const, autoEnrolCourseIds: ['c-2', 'c-gone'], managerUserIds: ['u-boss'] },
    { groupId: 'g-2', name: 'All', kind: 'group' as const, autoEnrolCourseIds: [], managerUserIds: [] },
  ],
};
const courses = { items: [{ courseId: 'c-2', title: 'Safety', kind: 'course' as const }] };

describe('withCourseTitles', () => {
  it('titles each auto-enrolment course in order; a course learning does not list keeps its id only', () => {
    const list = withCourseTitles(groups, courses);
    expect(list).toEqual({
      items: [
        { ...groups.items[0], autoEnrolCourses: [{ courseId: 'c-2', title: 'Safety' }, { courseId: 'c-gone' }] },
        { ...groups.items[1], autoEnrolCourses: [] },
      ],
      unavailable: [],
    });
    expect(GroupPickerList.safeParse(list).success).toBe(true);
  });

  it('gives ids only and names learning unavailable without a course list', () => {
    expect(withCourseTitles(groups, undefined)).toMatchObject({
      items: [{ autoEnrolCourses: [{ courseId: 'c-2' }, { courseId: 'c-gone' }] }, { autoEnrolCourses: [] }],
      unavailable: ['learning'],
    });
  });
});
