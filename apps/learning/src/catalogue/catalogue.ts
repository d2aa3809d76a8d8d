import { ContentKind, ContentRef, CourseKind } from '@cohort/contracts';

/** A course, learning path or series of the tenant's catalogue (`courses`, `_id` = `<tenant>:<courseId>`; read-only here). */
export interface CourseDoc {
  _id: string;
  tenantId: string;
  courseId: string;
  title: string;
  kind: CourseKind;
  /** the courses of a learning path or series, in order */
  courseIds?: string[];
}

/** Something that can be shared with people (`content`, `_id` = `<tenant>:<kind>:<id>`; read-only here). */
export interface ContentDoc {
  _id: string;
  tenantId: string;
  kind: ContentKind;
  id: string;
  title: string;
}

/** What a list of requested course ids means: every course id to act on, in order, and the first id the catalogue lacks. */
export interface CourseTargets {
  /** each requested id followed by the courses of a learning path or series (each once) */
  targets: string[];
  /** for each target, the requested ids it came from (a path's course belongs to the path) */
  requestedBy: Map<string, string[]>;
  missing?: { courseId: string; message: string };
}

/**
 * Pure: the courses a request names. A learning path or series stands for itself and each of its courses
 * (enrolling in a path enrols in the path and its courses). An id the catalogue lacks, also inside a path,
 * is `missing`; `lenient` (withdraw: the catalogue may have lost a course people are still enrolled in)
 * takes an unknown id as a plain course instead.
 */
export function courseTargets(requested: readonly string[], catalogue: ReadonlyMap<string, CourseDoc>, lenient = false): CourseTargets {
  const targets: string[] = [];
  const requestedBy = new Map<string, string[]>();
  let missing: CourseTargets['missing'];
  const add = (courseId: string, from: string) => {
    if (!requestedBy.has(courseId)) {
      targets.push(courseId);
      requestedBy.set(courseId, []);
    }
    const sources = requestedBy.get(courseId)!;
    if (!sources.includes(from)) sources.push(from);
  };
  for (const id of requested) {
    const course = catalogue.get(id);
    if (!course && !lenient) missing ??= { courseId: id, message: `course ${id} not found` };
    add(id, id);
    for (const inner of course?.courseIds ?? []) {
      if (!catalogue.has(inner) && !lenient) missing ??= { courseId: inner, message: `course ${inner} of ${course!.kind} ${id} not found` };
      add(inner, id);
    }
  }
  return { targets, requestedBy, ...(missing && { missing }) };
}

/** The ids whose catalogue entries a request needs: the requested ones, then the courses of the paths among them. */
export function innerCourseIds(requested: readonly string[], found: ReadonlyMap<string, CourseDoc>): string[] {
  return [...new Set(requested.flatMap((id) => found.get(id)?.courseIds ?? []))].filter((id) => !found.has(id));
}

/** A content item's key inside a tenant: `<kind>:<id>`. */
export function contentKey(ref: Pick<ContentRef, 'kind' | 'id'>): string {
  return `${ref.kind}:${ref.id}`;
}
