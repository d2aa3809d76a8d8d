/**
 * What the transport bench's orchestrator (transport.bench.ts) and its service process (service.ts)
 * share: the case description passed to the child, the messages between them, the input body.
 */

export type TransportName = 'ours' | 'builtin';
export type ProducerKind = 'publisher' | 'plain';

/** One measured run: one transport, one simulated I/O time, in its own process. */
export interface BenchCase {
  transport: TransportName;
  brokers: string[];
  inputTopic: string;
  resultsTopic: string;
  /** group id as given to the transport (the built-in one appends `-server`) */
  groupId: string;
  clientId: string;
  workMs: number;
  /** 1-based run number of this transport and W (with --repeat) */
  repetition: number;
  partitionsConsumedConcurrently: number;
  /** what the handler publishes its result with (the same for both transports) */
  producer: ProducerKind;
}

/** child → parent */
export type ChildMessage =
  | { type: 'initialised'; t: number; rssBytes: number }
  | { type: 'starting'; t: number }
  | { type: 'listening'; t: number }
  | { type: 'stats'; stats: ChildStats }
  | { type: 'error'; error: string };

/** parent → child */
export type ParentMessage = { type: 'start' } | { type: 'stop' };

export interface ChildStats {
  /** getrusage peak resident set size of the service process, bytes */
  maxRssBytes: number;
  /** RSS after Nest initialisation, before the consumer started, bytes */
  rssBeforeStartBytes: number;
  /** largest RSS sampled every 100 ms while consuming, bytes */
  sampledPeakRssBytes: number;
  rssAtStopBytes: number;
  heapUsedAtStopBytes: number;
  /** CPU time from consumer start to stop (user + system), ms */
  cpuUserMs: number;
  cpuSystemMs: number;
  handled: number;
  activity: KafkaActivity;
}

/** Requests to the broker (count and summed round-trip time by API name) and batches handed to the transport. */
export interface KafkaActivity {
  batches: number;
  batchMessages: number;
  consumerRequests: Record<string, { count: number; totalMs: number }>;
  /** the result publisher's requests (only with --producer publisher) */
  producerRequests: Record<string, { count: number; totalMs: number }>;
}

export const JOB_SIZE = 100;
export const USERS_PER_CHUNK = 100;

/** The i-th work chunk: shaped like `cohort.<service>.work.v1` (WorkChunk), 100 user ids. */
export function workChunk(i: number): { key: string; value: string } {
  const job = Math.floor(i / JOB_SIZE);
  const chunk = i % JOB_SIZE;
  const jobId = `bench-job-${job}`;
  const userIds = Array.from({ length: USERS_PER_CHUNK }, (_, k) => `user-${String(i * USERS_PER_CHUNK + k).padStart(9, '0')}`);
  const body = {
    jobId,
    step: 0,
    chunk,
    attempt: 1,
    tenantId: 'bench-tenant',
    action: 'change-role',
    actorId: 'bench-actor',
    params: { role: 'learner', courseId: 'course-42', notify: false },
    userIds,
  };
  return { key: `${jobId}:${chunk}`, value: JSON.stringify(body) };
}

/** Inverse of the key of workChunk (and of the result message): the message's index. */
export function indexOfKey(key: string): number {
  const colon = key.indexOf(':');
  const job = Number(key.slice('bench-job-'.length, colon));
  return job * JOB_SIZE + Number(key.slice(colon + 1));
}
