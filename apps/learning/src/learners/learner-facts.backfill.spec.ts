import { PersonFacts } from '@cohort/contracts';
import { PersonFactsPublisher } from '@cohort/messaging';
import { LearnerDoc } from './learner';
import { LearnerFactsBackfill } from './learner-facts.backfill';

/** learners and migrations as plain arrays behind the few collection calls the backfill makes */
function store(learners: LearnerDoc[]) {
  const migrations = new Map<string, Record<string, unknown>>();
  const collections = {
    learners: {
      find: () => {
        const docs = learners[Symbol.iterator]();
        return { [Symbol.asyncIterator]: () => ({ next: async () => docs.next() }), close: async () => undefined };
      },
    },
    migrations: {
      findOne: async ({ _id }: { _id: string }) => migrations.get(_id) ?? null,
      updateOne: async ({ _id }: { _id: string }, { $set }: { $set: Record<string, unknown> }) =>
        void migrations.set(_id, { ...migrations.get(_id), ...$set }),
    },
  };
  return { connection: { collection: (name: keyof typeof collections) => collections[name] }, migrations };
}

const learner = (i: number): LearnerDoc => ({
  _id: `t:u${i}`,
  tenantId: 't',
  userId: `u${i}`,
  enrolments: [{ courseId: 'c1', status: i % 2 ? 'passed' : 'in-progress', attempt: 1, enrolledAt: new Date(0) }],
  tasks: [],
  eventEnrolments: [],
  contentShares: [],
  ops: [],
});

describe('LearnerFactsBackfill', () => {
  it("republishes every learner's facts in batches of 500, all stamped with the run's start, then marks the version done", async () => {
    const { connection, migrations } = store(Array.from({ length: 1203 }, (_, i) => learner(i)));
    const batches: PersonFacts[][] = [];
    const publisher = { publish: async (facts: PersonFacts[]) => void batches.push(facts) } as unknown as PersonFactsPublisher;
    const backfill = new LearnerFactsBackfill(connection as never, publisher);
    await backfill.run();
    expect(batches.map((b) => b.length)).toEqual([500, 500, 203]);
    expect(new Set(batches.flat().map((f) => f.at)).size).toBe(1);
    expect(batches[0][1]).toMatchObject({ userId: 'u1', passedCourseIds: ['c1'], startedCourseIds: [] });
    expect(batches[0][0]).toMatchObject({ userId: 'u0', passedCourseIds: [], startedCourseIds: ['c1'] });
    expect(migrations.get('learner-facts-v2')).toMatchObject({ done: true, people: 1203 });
    await backfill.run(); // done: a later start publishes nothing
    expect(batches).toHaveLength(3);
  });

  it('waits out a broker that is down and starts over, and stops waiting when the service stops', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const { connection, migrations } = store([learner(1)]);
      let calls = 0;
      const publisher = {
        publish: async () => {
          if (++calls === 1) throw new Error('broker down');
        },
      } as unknown as PersonFactsPublisher;
      const backfill = new LearnerFactsBackfill(connection as never, publisher);
      const done = backfill.untilDone();
      await jest.advanceTimersByTimeAsync(2_000);
      await done;
      expect(calls).toBe(2);
      expect(migrations.get('learner-facts-v2')).toMatchObject({ done: true, people: 1 });

      const never = { publish: async () => Promise.reject(new Error('broker down')) } as unknown as PersonFactsPublisher;
      const stuck = new LearnerFactsBackfill(store([learner(1)]).connection as never, never);
      stuck.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(10_000);
      await stuck.onApplicationShutdown(); // returns without waiting out the next retry
    } finally {
      jest.useRealTimers();
    }
  });
});
