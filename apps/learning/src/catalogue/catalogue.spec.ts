import { catalogueOf, course } from '../actions/test-learning';
import { courseTargets, innerCourseIds } from './catalogue';

const catalogue = catalogueOf(
  course('c1'),
  course('c2'),
  course('p1', 'Path', { kind: 'learning-path', courseIds: ['c1', 'c2'] }),
  course('s1', 'Series', { kind: 'series', courseIds: ['c2', 'gone'] }),
);

describe('courseTargets', () => {
  it('a path stands for itself and each of its courses, each course once, remembering who asked for it', () => {
    const t = courseTargets(['c2', 'p1'], catalogue);
    expect(t.targets).toEqual(['c2', 'p1', 'c1']);
    expect(t.requestedBy.get('c2')).toEqual(['c2', 'p1']);
    expect(t.missing).toBeUndefined();
  });

  it('names the first id the catalogue lacks, also inside a series; lenient takes it as a plain course', () => {
    expect(courseTargets(['x', 's1'], catalogue).missing).toEqual({ courseId: 'x', message: 'course x not found' });
    expect(courseTargets(['s1'], catalogue).missing).toEqual({ courseId: 'gone', message: 'course gone of series s1 not found' });
    const lenient = courseTargets(['x', 's1'], catalogue, true);
    expect(lenient.targets).toEqual(['x', 's1', 'c2', 'gone']);
    expect(lenient.missing).toBeUndefined();
  });
});

describe('innerCourseIds', () => {
  it('the courses of the paths found that were not read yet', () => {
    expect(innerCourseIds(['p1', 's1', 'c1'], catalogueOf(course('c1'), catalogue.get('p1')!, catalogue.get('s1')!))).toEqual(['c2', 'gone']);
  });
});
