/**
 * Kafka topic names of DESIGN.md §3: the public contract other internal services publish to.
 * `KAFKA_TOPIC_PREFIX` namespaces every topic (tests use it to run beside a live system).
 */
export const SERVICES = ['identity', 'membership', 'learning', 'communications'] as const;
export type ServiceName = (typeof SERVICES)[number];

const BASE = {
  commands: 'cohort.batch.commands.v1',
  results: 'cohort.batch.results.v1',
  events: 'cohort.batch.events.v1',
  identityWork: 'cohort.identity.work.v1',
  membershipWork: 'cohort.membership.work.v1',
  learningWork: 'cohort.learning.work.v1',
  communicationsWork: 'cohort.communications.work.v1',
  /**
   * the express lane of each work topic: chunks of small jobs (ORCH_EXPRESS_MAX people at most), consumed
   * by a consumer group of their own, so a 5-person job never waits behind the chunks of a million-person one
   */
  identityWorkExpress: 'cohort.identity.work.express.v1',
  membershipWorkExpress: 'cohort.membership.work.express.v1',
  learningWorkExpress: 'cohort.learning.work.express.v1',
  communicationsWorkExpress: 'cohort.communications.work.express.v1',
  /** identity's person events (IdentityEvent), keyed by tenant id */
  identityEvents: 'cohort.identity.events.v1',
  /** membership's and learning's directory facts about a person (PersonFacts), keyed by `<tenant>:<user>` */
  peopleFacts: 'cohort.people.facts.v1',
} as const;

export type TopicKey = keyof typeof BASE;
export type Topics = { readonly [K in TopicKey]: string };

export function topicsFor(prefix = process.env.KAFKA_TOPIC_PREFIX ?? ''): Topics {
  return Object.fromEntries(Object.entries(BASE).map(([k, v]) => [k, `${prefix}${v}`])) as unknown as Topics;
}

/** Topic names with the prefix of this process's environment. */
export const TOPICS: Topics = topicsFor();

/** `bulk`: the work topic; `express`: its lane for small jobs (see `identityWorkExpress`). */
export type WorkLane = 'bulk' | 'express';

export function workTopic(service: ServiceName, topics: Topics = TOPICS, lane: WorkLane = 'bulk'): string {
  return topics[`${service}Work${lane === 'express' ? 'Express' : ''}` as TopicKey];
}

/** Whether a topic is the express lane of a work topic (consumed by its own consumer group). */
export function isExpressTopic(topic: string): boolean {
  return topic.endsWith('.work.express.v1');
}

export function dlqTopic(topic: string): string {
  return `${topic}.dlq`;
}

/**
 * Headers a dead-lettered message carries beside its original key, value and headers
 * (what libs/messaging writes; documented in docs/contracts/asyncapi.json).
 */
export const DLQ_HEADERS = {
  error: 'x-error',
  errorCode: 'x-error-code',
  originalTopic: 'x-original-topic',
  originalPartition: 'x-original-partition',
  originalOffset: 'x-original-offset',
} as const;

/** Every topic with its partition count, DLQs included: what infra scripts and deploy/ create. */
export function topicPlan(topics: Topics = TOPICS, partitions = 6): { topic: string; numPartitions: number }[] {
  const main = Object.entries(topics).map(([key, topic]) => ({
    topic,
    numPartitions: key === 'events' ? Math.max(1, Math.ceil(partitions / 2)) : partitions,
  }));
  return [...main, ...main.map(({ topic }) => ({ topic: dlqTopic(topic), numPartitions: 1 }))];
}
