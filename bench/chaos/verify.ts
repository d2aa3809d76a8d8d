/**
 * After the chaos: every collection the two jobs touch compared with exactly what they must have made
 * of the seeded tenant (seed.ts), the e-mails MailDev caught, and each job's counts against its
 * per-person rows (the chunk documents).
 */
import { Db } from 'mongodb';
import { EARLIER_JOB, OWNER, outboxIdOf, seededPending, seededSent } from './seed';
import { finishedOf } from './watch';

export interface Check {
  name: string;
  ok: boolean;
  /** how many records were compared and how many differ */
  compared: number;
  wrong: number;
  /** a few records that differ, with why */
  examples: string[];
}

/** Collects per-record problems of one check (at most 10 examples kept). */
class CheckBuilder {
  compared = 0;
  wrong = 0;
  readonly examples: string[] = [];

  constructor(readonly name: string) {}

  record(problem: string | undefined): void {
    this.compared++;
    if (!problem) return;
    this.wrong++;
    if (this.examples.length < 10) this.examples.push(problem);
  }

  /** a problem about the whole set (missing or extra records) */
  fail(problem: string): void {
    this.wrong++;
    if (this.examples.length < 10) this.examples.push(problem);
  }

  done(): Check {
    return { name: this.name, ok: this.wrong === 0, compared: this.compared, wrong: this.wrong, examples: this.examples };
  }
}

export interface Expected {
  tenantId: string;
  n: number;
  m: number;
  learnerIds: string[];
  managerIds: string[];
  deactivateJobId: string;
  notifyJobId: string;
  mailSubject: string;
  /** the seeded learning dates (seed.ts learnerRecord) */
  seededAt: Date;
}

const indexOf = (userId: string) => Number(userId.slice(1));
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

interface Op {
  k: string;
  b?: unknown;
}

/** identity: every Learner deactivated by exactly one write of the job's step 0; Managers and the Owner untouched. */
export async function checkIdentity(db: Db, e: Expected): Promise<Check> {
  const c = new CheckBuilder('identity people: Learners deactivated once (status, v = 2, one op marker), Managers and Owner untouched');
  const seen = { learners: 0, managers: 0, owner: 0 };
  const key = `${e.deactivateJobId}:0`;
  const cursor = db
    .collection<{ _id: string; userId: string; role: string; status: string; v: number; ops: Op[] }>('people')
    .find({ tenantId: e.tenantId }, { projection: { userId: 1, role: 1, status: 1, v: 1, ops: 1 } });
  for await (const p of cursor) {
    const ops = p.ops ?? [];
    if (p.role === 'Learner') {
      seen.learners++;
      const marks = ops.filter((o) => o.k === key);
      c.record(
        p.status !== 'deactivated'
          ? `${p.userId}: status ${p.status}`
          : p.v !== 2
            ? `${p.userId}: v ${p.v} (written ${p.v - 1} times)`
            : marks.length !== 1 || ops.length !== 1
              ? `${p.userId}: ops ${JSON.stringify(ops)}`
              : marks[0].b !== 'active'
                ? `${p.userId}: before ${JSON.stringify(marks[0].b)}`
                : undefined,
      );
    } else {
      if (p.userId === OWNER) seen.owner++;
      else seen.managers++;
      c.record(
        p.status !== 'active' || p.v !== 1 || ops.length !== 0
          ? `${p.userId} (${p.role}): status ${p.status}, v ${p.v}, ${ops.length} ops`
          : undefined,
      );
    }
  }
  if (seen.learners !== e.n) c.fail(`${seen.learners} Learners, expected ${e.n}`);
  if (seen.managers !== e.m) c.fail(`${seen.managers} Managers, expected ${e.m}`);
  if (seen.owner !== 1) c.fail(`${seen.owner} Owners`);
  return c.done();
}

interface LearnerDoc {
  userId: string;
  enrolments: { courseId: string; status: string; completedAt?: Date }[];
  tasks: { taskId: string; status: string }[];
  eventEnrolments: { eventId: string }[];
  ops: Op[];
}

/** learning: Learners lost the open task and the upcoming event in exactly one write; enrolments, done task, past event kept; Managers untouched. */
export async function checkLearning(db: Db, e: Expected): Promise<Check> {
  const c = new CheckBuilder('learning learners: open task and upcoming event removed once, completed record kept; Managers untouched');
  const key = `${e.deactivateJobId}:1`;
  const completedAt = new Date(e.seededAt.getTime() - 60 * 86_400_000).getTime();
  let learners = 0;
  let managers = 0;
  for await (const l of db.collection<LearnerDoc>('learners').find({ tenantId: e.tenantId })) {
    const enrolled = l.enrolments.map((x) => `${x.courseId}:${x.status}`);
    const done = l.enrolments.find((x) => x.courseId === 'c-done');
    const enrolmentsKept = sameList(enrolled, ['c-done:completed', 'c-now:in-progress']) && done?.completedAt?.getTime() === completedAt;
    const tasks = l.tasks.map((t) => t.taskId);
    const events = l.eventEnrolments.map((x) => x.eventId);
    const ops = l.ops ?? [];
    if (l.userId.startsWith('p')) {
      learners++;
      const marks = ops.filter((o) => o.k === key);
      c.record(
        !enrolmentsKept
          ? `${l.userId}: enrolments ${JSON.stringify(l.enrolments)}`
          : !sameList(tasks, ['t-done']) || !sameList(events, ['e-past'])
            ? `${l.userId}: tasks ${tasks.join(',')}, events ${events.join(',')}`
            : marks.length !== 1 || ops.length !== 1
              ? `${l.userId}: ops ${JSON.stringify(ops)}`
              : JSON.stringify(marks[0].b) !== JSON.stringify({ taskIds: ['t-open'], eventIds: ['e-next'] })
                ? `${l.userId}: before ${JSON.stringify(marks[0].b)}`
                : undefined,
      );
    } else {
      managers++;
      c.record(
        !enrolmentsKept || !sameList(tasks, ['t-open', 't-done']) || !sameList(events, ['e-next', 'e-past']) || ops.length !== 0
          ? `${l.userId} (not selected) changed: tasks ${tasks.join(',')}, events ${events.join(',')}, ${ops.length} ops`
          : undefined,
      );
    }
  }
  if (learners !== e.n) c.fail(`${learners} Learner documents, expected ${e.n}`);
  if (managers !== e.m) c.fail(`${managers} Manager documents, expected ${e.m}`);
  return c.done();
}

interface OutboxDoc {
  _id: string;
  userId: string;
  jobId: string;
  kind: string;
  status: string;
  heldBy?: string;
  messageId: string | null;
  deferred?: unknown;
}

/**
 * communications: the Learners' pending messages held by the deactivate job, their old sent ones untouched,
 * the Managers' pending ones left pending; one sent notification copy per Manager; one sent completion
 * notice per job for the Owner; nothing else.
 */
export async function checkOutbox(db: Db, e: Expected): Promise<Check> {
  const c = new CheckBuilder(
    'communications outbox: pending messages of the deactivated held, others untouched, one sent copy per notified person, one notice per job',
  );
  const expected = new Map<string, (d: OutboxDoc) => string | undefined>();
  const held = (d: OutboxDoc) => (d.status === 'held' && d.heldBy === e.deactivateJobId ? undefined : `${d._id}: ${d.status}, heldBy ${d.heldBy}`);
  const untouched = (status: string) => (d: OutboxDoc) =>
    d.status === status && !d.heldBy ? undefined : `${d._id}: ${d.status}, heldBy ${d.heldBy}`;
  const sent = (d: OutboxDoc) =>
    d.status === 'sent' && d.messageId && !d.deferred ? undefined : `${d._id}: ${d.status}${d.deferred ? ' (deferred)' : ''}`;
  for (const id of e.learnerIds) {
    const i = indexOf(id);
    if (seededPending(i)) expected.set(outboxIdOf(e.tenantId, EARLIER_JOB, 1, id), held);
    if (seededSent(i)) expected.set(outboxIdOf(e.tenantId, EARLIER_JOB, 1, id), untouched('sent'));
  }
  for (const id of e.managerIds) {
    if (seededPending(indexOf(id))) expected.set(outboxIdOf(e.tenantId, EARLIER_JOB, 1, id), untouched('pending'));
    expected.set(outboxIdOf(e.tenantId, e.notifyJobId, 0, id), sent);
  }
  for (const jobId of [e.deactivateJobId, e.notifyJobId]) expected.set(outboxIdOf(e.tenantId, jobId, 'notice', OWNER), sent);
  const found = new Set<string>();
  for await (const d of db.collection<OutboxDoc>('outbox').find({ tenantId: e.tenantId })) {
    const rule = expected.get(d._id);
    found.add(d._id);
    c.record(rule ? rule(d) : `${d._id}: not expected (${d.kind}, ${d.status})`);
  }
  const missing = [...expected.keys()].filter((id) => !found.has(id));
  if (missing.length) c.fail(`${missing.length} messages missing, e.g. ${missing.slice(0, 5).join(', ')}`);
  return c.done();
}

interface NotificationDoc {
  _id: string;
  userId: string;
  jobId: string;
  deliveredAt: Date | null;
  emailPending: boolean;
}

/** communications: one delivered notification per Manager of the notify job, one notice per job for the Owner, nothing else. */
export async function checkNotifications(db: Db, e: Expected): Promise<Check> {
  const c = new CheckBuilder('communications notifications: one delivered notification per notified person, one completion notice per job');
  const expected = new Set([
    ...e.managerIds.map((id) => `${e.tenantId}:${e.notifyJobId}:${id}`),
    ...[e.deactivateJobId, e.notifyJobId].map((jobId) => `${e.tenantId}:${jobId}:notice:${OWNER}`),
  ]);
  const found = new Set<string>();
  for await (const d of db.collection<NotificationDoc>('notifications').find({ tenantId: e.tenantId })) {
    found.add(d._id);
    c.record(
      !expected.has(d._id)
        ? `${d._id}: not expected`
        : !d.deliveredAt || d.emailPending
          ? `${d._id}: delivered ${String(d.deliveredAt)}, e-mail pending ${d.emailPending}`
          : undefined,
    );
  }
  const missing = [...expected].filter((id) => !found.has(id));
  if (missing.length) c.fail(`${missing.length} notifications missing, e.g. ${missing.slice(0, 5).join(', ')}`);
  return c.done();
}

export interface CaughtMail {
  id: string;
  subject: string;
  /** MailDev's copy of the Message-ID header (without the angle brackets) */
  messageId?: string;
  to: { address?: string }[];
}

export interface MailCount {
  /** e-mails MailDev caught for the person */
  copies: number;
  /** different messages among them (by Message-ID) */
  messages: number;
}

/** Copies and distinct messages (by Message-ID) of a list of caught e-mails. */
export function countMail(list: CaughtMail[]): MailCount {
  return { copies: list.length, messages: new Set(list.map((m) => m.messageId ?? m.id)).size };
}

/**
 * MailDev: exactly one message per Manager, one notice per job for the Owner, nothing to anyone else of the
 * tenant. `duplicates` are messages beyond those (a second, different e-mail); `retransmissions` are extra
 * copies of the same message (same Message-ID): a send repeated because the sending process was killed
 * after the SMTP server accepted the mail and before the outbox recorded it — the one window no sender
 * can close (README, Communications), which the stable Message-ID turns into the same message again.
 */
export function checkMail(mails: CaughtMail[], e: Expected): { check: Check; duplicates: number; retransmissions: number; retransmitted: string[] } {
  const c = new CheckBuilder('SMTP capture (MailDev): one message per notified person, one notice per job to the Owner, none to anyone else');
  const byAddress = new Map<string, CaughtMail[]>();
  for (const mail of mails) {
    for (const to of mail.to) {
      if (!to.address) continue;
      const list = byAddress.get(to.address) ?? [];
      list.push(mail);
      byAddress.set(to.address, list);
    }
  }
  let duplicates = 0;
  let retransmissions = 0;
  const retransmitted: string[] = [];
  const tally = (to: string, list: CaughtMail[], expected: number) => {
    const n = countMail(list);
    duplicates += Math.max(0, n.messages - expected);
    retransmissions += n.copies - n.messages;
    if (n.copies > n.messages) retransmitted.push(to);
    return n;
  };
  const address = (userId: string) => `${userId}@${e.tenantId}.test`;
  const managers = new Set(e.managerIds.map(address));
  for (const id of e.managerIds) {
    const n = tally(
      address(id),
      (byAddress.get(address(id)) ?? []).filter((m) => m.subject === e.mailSubject),
      1,
    );
    c.record(n.messages === 1 ? undefined : `${address(id)}: ${n.messages} messages of the notification`);
  }
  const owner = byAddress.get(address(OWNER)) ?? [];
  const o = tally(address(OWNER), owner, 2);
  c.record(
    o.messages === 2 && new Set(owner.map((m) => m.subject)).size === 2
      ? undefined
      : `owner: ${o.messages} messages (${owner.map((m) => m.subject).join(' | ')})`,
  );
  for (const [to, list] of byAddress) {
    if (!managers.has(to) && to !== address(OWNER)) c.fail(`${to}: ${list.length} unexpected e-mail(s), e.g. "${list[0].subject}"`);
    else if (managers.has(to) && list.some((m) => m.subject !== e.mailSubject)) c.fail(`${to}: an e-mail other than the notification`);
  }
  return { check: c.done(), duplicates, retransmissions, retransmitted };
}

interface ChunkDoc {
  _id: string;
  no: number;
  ids: string[];
  st: number[];
  n: Record<string, number>;
  done: boolean;
  inflight: unknown;
}

const STATES = ['pending', 'running', 'succeeded', 'skipped', 'failed', 'cancelled'];

export interface JobSummary {
  status: string;
  total: number | null;
  counts: Record<string, number>;
  chunks: number;
  /** chunk documents of an earlier resolution generation (a restart cut the selection's resolution off) */
  staleChunks: number;
  /** per-person rows counted from the chunk documents */
  rows: Record<string, number>;
  /** skipped and failed people by error code */
  errors: Record<string, number>;
}

/**
 * One job: completed, every selected person exactly once in its chunk documents and in a terminal state
 * (succeeded, as nothing here may fail or be skipped), and the job's counts equal to those rows.
 */
export async function checkJob(db: Db, label: string, jobId: string, people: string[]): Promise<{ check: Check; summary: JobSummary }> {
  const c = new CheckBuilder(`${label} job: completed, every person once and succeeded in the chunk rows, job counts = rows`);
  const job = await db
    .collection<{ _id: string; status: string; total: number | null; counts: Record<string, number>; gen: number; chunkCount: number }>('jobs')
    .findOne({ _id: jobId });
  const summary: JobSummary = {
    status: job?.status ?? 'missing',
    total: job?.total ?? null,
    counts: job?.counts ?? {},
    chunks: 0,
    staleChunks: 0,
    rows: {},
    errors: {},
  };
  if (!job) {
    c.fail(`job ${jobId} not found`);
    return { check: c.done(), summary };
  }
  const from = job.gen * 10_000_000;
  const selected = new Set(people);
  const seen = new Map<string, number>();
  for (const s of STATES) summary.rows[s] = 0;
  for await (const chunk of db.collection<ChunkDoc & { e?: Record<string, { c: string }> }>('chunks').find({ jobId })) {
    if (chunk.no < from || chunk.no >= from + job.chunkCount) {
      summary.staleChunks++;
      continue;
    }
    summary.chunks++;
    chunk.ids.forEach((id, i) => {
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const state = STATES[chunk.st[i]] ?? `state ${chunk.st[i]}`;
      summary.rows[state] = (summary.rows[state] ?? 0) + 1;
      const code = chunk.e?.[String(i)]?.c;
      if (code) summary.errors[code] = (summary.errors[code] ?? 0) + 1;
      c.record(state === 'succeeded' ? undefined : `${id}: ${state}${code ? ` ${code}` : ''}`);
    });
    if (!chunk.done || chunk.inflight) c.fail(`chunk ${chunk._id}: done ${chunk.done}, inflight ${JSON.stringify(chunk.inflight)}`);
  }
  if (job.status !== 'completed') c.fail(`status ${job.status}`);
  if (job.total !== people.length) c.fail(`total ${job.total}, expected ${people.length}`);
  const twice = [...seen].filter(([, k]) => k > 1);
  if (twice.length)
    c.fail(
      `${twice.length} people in more than one row, e.g. ${twice
        .slice(0, 5)
        .map(([id]) => id)
        .join(', ')}`,
    );
  const missing = people.filter((id) => !seen.has(id));
  if (missing.length) c.fail(`${missing.length} people without a row, e.g. ${missing.slice(0, 5).join(', ')}`);
  const extra = [...seen.keys()].filter((id) => !selected.has(id));
  if (extra.length) c.fail(`${extra.length} rows of people not selected, e.g. ${extra.slice(0, 5).join(', ')}`);
  for (const s of STATES) if ((job.counts[s] ?? 0) !== summary.rows[s]) c.fail(`counts.${s} ${job.counts[s]} ≠ ${summary.rows[s]} rows`);
  if (finishedOf(job.counts) !== people.length) c.fail(`finished ${finishedOf(job.counts)} of ${people.length}`);
  return { check: c.done(), summary };
}
