import { ContentRef, PersonFacts, PersonView, WorkChunk } from '@cohort/contracts';
import { PersonFactsPublisher } from '@cohort/messaging';
import { testPersonView } from '@cohort/testing/fixtures/person-view';
import { IdentityLookupClient, IdentityLookupError } from '@cohort/common';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import { contentKey, ContentDoc, CourseDoc } from '../catalogue/catalogue';
import { blankLearner, Enrolment, LearnerDoc } from '../learners/learner';
import { LearnersRepository, LearnerUpdate } from '../learners/learners.repository';
import { LearnerFacts } from '../learners/learner-facts';
import { LearnerActionRunner } from './learner-action.runner';
import { Subject } from './learner-decision';

/** Shared by learning's unit specs: people, documents, catalogues, subjects, work chunks and fake stores. */

export const NOW = new Date('2030-01-15T12:00:00.000Z');
export const DAY = 86_400_000;
export const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

/** A person as identity's lookup answers. */
export function testPerson(userId: string, over: Partial<PersonView> = {}): PersonView {
  return testPersonView(userId, over);
}

/** A learners document. */
export function testLearner(userId: string, over: Partial<LearnerDoc> = {}): LearnerDoc {
  return { _id: `t:${userId}`, tenantId: 't', userId, ops: [], ...blankLearner(), ...over };
}

export function enrolment(courseId: string, status: Enrolment['status'], over: Partial<Enrolment> = {}): Enrolment {
  const finished = !['enrolled', 'in-progress'].includes(status);
  return { courseId, status, attempt: 1, enrolledAt: daysAgo(30), ...(finished && { completedAt: daysAgo(3) }), ...over };
}

export function course(courseId: string, title = `Course ${courseId}`, over: Partial<CourseDoc> = {}): CourseDoc {
  return { _id: `t:${courseId}`, tenantId: 't', courseId, title, kind: 'course', ...over };
}

export function content(kind: ContentDoc['kind'], id: string): ContentDoc {
  return { _id: `t:${kind}:${id}`, tenantId: 't', kind, id, title: `${kind} ${id}` };
}

export const catalogueOf = (...courses: CourseDoc[]) => new Map(courses.map((c) => [c.courseId, c]));

/** What a decision sees about one person (an active person unless `person` says otherwise; null: unknown to identity). */
export function subject(userId: string, over: { person?: PersonView | null; learner?: LearnerDoc; key?: string } = {}): Subject {
  return { userId, person: over.person === null ? undefined : (over.person ?? testPerson(userId)), learner: over.learner, key: over.key ?? 'job1:0' };
}

export function testWork(action: string, params: Record<string, unknown>, userIds: string[] = ['u1'], over: Partial<WorkChunk> = {}): WorkChunk {
  return { jobId: 'job1', step: 0, chunk: 0, attempt: 1, tenantId: 't', action, params, userIds, ...over };
}

/**
 * A LearnersRepository over in-memory documents that applies `$set`, `$push` (with `$each`) and the op
 * marker the way PersonDocuments does (an update whose marker is there already is not applied), and
 * records each bulk write.
 */
export function memoryLearners(docs: LearnerDoc[] = []) {
  const store = new Map(docs.map((d) => [d.userId, clone(d)]));
  const batches: LearnerUpdate[][] = [];
  let failing: Error | undefined;
  const repo = {
    findMany: async (_t: string, ids: readonly string[]) => {
      if (failing) throw failing;
      return new Map(ids.flatMap((id) => (store.has(id) ? [[id, clone(store.get(id)!)] as const] : [])));
    },
    findOne: async (_t: string, id: string) => store.get(id),
    apply: async (_t: string, updates: readonly LearnerUpdate[]) => {
      if (failing) throw failing;
      if (updates.length === 0) return;
      batches.push([...updates]);
      for (const u of updates) {
        const doc = store.get(u.userId) ?? testLearner(u.userId);
        if (doc.ops.some((op) => op.k === u.op.k)) continue;
        const update = u.update as { $set?: Record<string, unknown>; $push?: Record<string, unknown> };
        Object.assign(doc, clone(update.$set ?? {}));
        for (const [field, value] of Object.entries(update.$push ?? {})) {
          const list = (doc as unknown as Record<string, unknown[]>)[field];
          const each = value && typeof value === 'object' && '$each' in value ? (value as { $each: unknown[] }).$each : [value];
          list.push(...clone(each));
        }
        doc.ops.push(u.op);
        store.set(u.userId, doc);
      }
    },
  } as unknown as LearnersRepository;
  return { repo, store, batches, fail: (err: Error) => (failing = err) };
}

/** A deep copy whose dates stay Dates of this realm (structuredClone's are not, for jest's `expect.any(Date)`). */
function clone<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  return value;
}

/** identity's lookup answering with `people` (or failing like an identity that is down). */
export function fakeIdentity(people: PersonView[], down = false): IdentityLookupClient {
  return {
    people: async (_t: string, ids: readonly string[]) => {
      if (down) throw new IdentityLookupError('identity: connect ECONNREFUSED');
      return new Map(people.filter((p) => ids.includes(p.userId)).map((p) => [p.userId, p]));
    },
  } as unknown as IdentityLookupClient;
}

/** The catalogue holding `courses` and `items`. */
export function fakeCatalogue(courses: CourseDoc[] = [], items: ContentDoc[] = []): CatalogueRepository {
  const byId = catalogueOf(...courses);
  const find = async (_t: string, ids: readonly string[]) => new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : [])));
  return {
    findCourses: find,
    findCoursesWithInner: async (t: string, ids: readonly string[]) => {
      const found = await find(t, ids);
      return new Map([
        ...found,
        ...(await find(
          t,
          [...found.values()].flatMap((c) => c.courseIds ?? []),
        )),
      ]);
    },
    findContent: async (_t: string, refs: readonly ContentRef[]) =>
      new Map(items.filter((i) => refs.some((r) => contentKey(r) === contentKey(i))).map((i) => [contentKey(i), i])),
  } as unknown as CatalogueRepository;
}

/** The shared runner over fake identity and memory learners. */
export function testRunner(people: PersonView[], docs: LearnerDoc[] = [], identityDown = false) {
  const learners = memoryLearners(docs);
  const published: PersonFacts[] = [];
  const facts = new LearnerFacts(learners.repo, {
    publish: async (f: readonly PersonFacts[]) => void published.push(...f),
  } as unknown as PersonFactsPublisher);
  return { runner: new LearnerActionRunner(fakeIdentity(people, identityDown), learners.repo, facts), learners, published };
}
