import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { ContentRef } from '@cohort/contracts';
import { contentKey, ContentDoc, CourseDoc, innerCourseIds } from './catalogue';

/**
 * The only place that reads the tenant's catalogue: `courses` (courses, learning paths, series) and
 * `content` (items, channels, learnlists). Learning does not write them; by id, they are `{_id}` point
 * reads (FerretDB serves `_id` from its index, `$in` would scan).
 */
@Injectable()
export class CatalogueRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get courses(): mongo.Collection<CourseDoc> {
    return this.connection.collection<CourseDoc>('courses');
  }

  private get content(): mongo.Collection<ContentDoc> {
    return this.connection.collection<ContentDoc>('content');
  }

  /** The courses that exist among `courseIds`, by course id. */
  async findCourses(tenantId: string, courseIds: readonly string[]): Promise<Map<string, CourseDoc>> {
    const docs = await Promise.all([...new Set(courseIds)].map((id) => this.courses.findOne({ _id: `${tenantId}:${id}` })));
    return new Map(docs.filter((d): d is CourseDoc => d !== null && d.tenantId === tenantId).map((d) => [d.courseId, d]));
  }

  /** The requested courses and, for the learning paths and series among them, their courses too. */
  async findCoursesWithInner(tenantId: string, courseIds: readonly string[]): Promise<Map<string, CourseDoc>> {
    const found = await this.findCourses(tenantId, courseIds);
    const inner = await this.findCourses(tenantId, innerCourseIds(courseIds, found));
    return new Map([...found, ...inner]);
  }

  /** The tenant's whole catalogue, by title (a picker's list: small, read at once). */
  async listCourses(tenantId: string): Promise<CourseDoc[]> {
    const docs = await this.courses.find({ tenantId }).toArray();
    return docs.sort((a, b) => a.title.localeCompare(b.title) || a.courseId.localeCompare(b.courseId));
  }

  /** The content that exists among `refs`, by `<kind>:<id>`. */
  async findContent(tenantId: string, refs: readonly ContentRef[]): Promise<Map<string, ContentDoc>> {
    const keys = [...new Set(refs.map(contentKey))];
    const docs = await Promise.all(keys.map((key) => this.content.findOne({ _id: `${tenantId}:${key}` })));
    return new Map(docs.filter((d): d is ContentDoc => d !== null && d.tenantId === tenantId).map((d) => [contentKey(d), d]));
  }
}
