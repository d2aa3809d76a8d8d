import { eventually, uniqueTenant } from '@cohort/testing';
import { PersonFacts } from '@cohort/contracts';
import { KafkaPublisher, PersonFactsPublisher } from '@cohort/messaging';
import { CohortSystem, personDoc, startSystem } from '../support/system';

/**
 * Identity's copy of membership's and learning's lists (PersonFacts on `cohort.people.facts.v1`), on the
 * real broker and store: the newest read of each kind wins whatever the arrival order, a person of
 * another tenant with the same user id is never touched, and no person is made up for unknown ids.
 */
describe('identity applies PersonFacts (real broker and store)', () => {
  let system: CohortSystem;
  let publisher: PersonFactsPublisher;

  beforeAll(async () => {
    system = await startSystem();
    publisher = new PersonFactsPublisher(system.identity.get(KafkaPublisher));
  });

  afterAll(async () => {
    await system?.stop();
  });

  const person = (tenant: string, userId: string) =>
    system
      .db('identity')
      .collection<{ groupIds?: string[]; courseIds?: string[]; completedCourseIds?: string[]; v: number }>('people')
      .findOne({ _id: `${tenant}:${userId}` } as never);

  it('keeps the newest list of each kind; a stale message after it changes nothing', async () => {
    const tenant = uniqueTenant('facts');
    const other = uniqueTenant('facts-other');
    await system
      .db('identity')
      .collection('people')
      .insertMany([personDoc(tenant, 'ana'), personDoc(other, 'ana')] as never[]);
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
    const facts: PersonFacts[] = [
      { tenantId: tenant, userId: 'ana', groupIds: ['g-new', 'g-new'], at: at(20) },
      // read before the one above, delivered after it (same key, so same partition, so in this order)
      { tenantId: tenant, userId: 'ana', groupIds: ['g-old'], at: at(10) },
      { tenantId: tenant, userId: 'ghost', groupIds: ['g-new'], at: at(20) },
      // the marker that the messages before it were handled: courses of the same person, after them
      { tenantId: tenant, userId: 'ana', courseIds: ['c1', 'c2'], completedCourseIds: ['c2', 'c9'], startedCourseIds: ['c1', 'c8'], at: at(30) },
    ];
    await publisher.publish(facts);

    const ana = await eventually(
      async () => {
        const doc = await person(tenant, 'ana');
        return doc?.courseIds?.length ? doc : undefined;
      },
      20_000,
      'the courses facts applied',
    );
    expect(ana.groupIds).toEqual(['g-new']);
    expect(ana.courseIds).toEqual(['c1', 'c2']);
    expect(ana.completedCourseIds).toEqual(['c2', 'c9']); // a finished record outlives a withdraw (c9)
    expect((ana as { startedCourseIds?: string[] }).startedCourseIds).toEqual(['c1']); // started: of current enrolments only
    expect(ana.v).toBe(1); // facts are not work-action writes

    const twin = await person(other, 'ana');
    expect(twin?.groupIds ?? []).toEqual([]);
    expect(twin?.courseIds ?? []).toEqual([]);
    expect(
      await system
        .db('identity')
        .collection('people')
        .countDocuments({ _id: `${tenant}:ghost` } as never),
    ).toBe(0);
  });
});
