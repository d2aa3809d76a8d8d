import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { InjectConnection } from '@nestjs/mongoose';
import { Collection, Connection } from 'mongoose';
import { PersonFacts } from '@cohort/contracts';
import { PersonFactsPublisher } from '@cohort/messaging';
import { LearnerDoc } from './learner';
import { learnerFacts } from './learner-facts';

/**
 * What learning tells identity about each person has grown (v2: passed, failed and started courses beside
 * enrolled and finished ones). Raising the version republishes every person's facts once.
 */
export const LEARNER_FACTS_VERSION = 2;
const BATCH = 500;
const RETRY_MS = { first: 2_000, max: 60_000 };

interface BackfillState {
  _id: string;
  done: boolean;
  people: number;
  finishedAt: Date;
}

/**
 * Republishes every learners document's PersonFacts once per {@link LEARNER_FACTS_VERSION}, in the background
 * after start, so identity's course filters (passed, failed, in progress …) hold for people no job has touched
 * since the upgrade. One cursor over `learners`, a batch of facts at a time; the version is marked done in
 * `migrations` at the end. Every fact carries the time the run began: a job's facts published meanwhile are
 * newer and win in identity. A store or broker that is down is waited for (the run starts over, which only
 * republishes the same truth); two replicas starting together may both run it, to the same effect.
 */
@Injectable()
export class LearnerFactsBackfill implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(LearnerFactsBackfill.name);
  private readonly learners: Collection<LearnerDoc>;
  private readonly migrations: Collection<BackfillState>;
  private readonly stop = new AbortController();
  private running?: Promise<void>;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly publisher: PersonFactsPublisher,
  ) {
    this.learners = connection.collection<LearnerDoc>('learners');
    this.migrations = connection.collection<BackfillState>('migrations');
  }

  onApplicationBootstrap(): void {
    this.running = this.untilDone();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  private get stopping(): boolean {
    return this.stop.signal.aborted;
  }

  /** Runs the backfill until it is done (or the service stops), waiting out a store or broker that is down. */
  async untilDone(): Promise<void> {
    for (let wait = RETRY_MS.first; !this.stopping; wait = Math.min(wait * 2, RETRY_MS.max)) {
      try {
        return await this.run();
      } catch (err) {
        this.log.warn({ msg: `learner facts backfill interrupted: again in ${wait} ms`, err: String(err) });
        await sleep(wait, undefined, { signal: this.stop.signal }).catch(() => undefined);
      }
    }
  }

  /** One pass: nothing if this version is done, else every person's facts, then the mark. */
  async run(): Promise<void> {
    const id = `learner-facts-v${LEARNER_FACTS_VERSION}`;
    if ((await this.migrations.findOne({ _id: id }))?.done) return;
    const at = new Date().toISOString();
    let people = 0;
    let batch: PersonFacts[] = [];
    const cursor = this.learners.find({}, { batchSize: BATCH });
    try {
      for await (const doc of cursor) {
        if (this.stopping) return;
        batch.push(learnerFacts(doc.tenantId, doc, at));
        if (batch.length < BATCH) continue;
        await this.publisher.publish(batch);
        people += batch.length;
        batch = [];
      }
    } finally {
      await cursor.close();
    }
    if (batch.length) await this.publisher.publish(batch);
    people += batch.length;
    await this.migrations.updateOne({ _id: id }, { $set: { done: true, people, finishedAt: new Date() } }, { upsert: true });
    this.log.log({ msg: `learner facts v${LEARNER_FACTS_VERSION} republished`, people });
  }
}
