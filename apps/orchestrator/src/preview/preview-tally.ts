import { actionById, destructiveNotice, Outcome, Preview } from '@cohort/contracts';
import { EngineConfig } from '../engine/engine.config';
import { Job } from '../jobs/job.schema';

const SAMPLE_SIZE = 10;

/** Outcomes of a preview's dry run, counted by status and reason. */
export class Tally {
  evaluated = 0;
  willChange = 0;
  readonly skipped = new Map<string, { message: string; count: number }>();
  readonly failed = new Map<string, { message: string; count: number }>();
  readonly sample: Preview['sample'] = [];
  noDryRun?: string;
  /** people a later step will enrol (a group's auto-enrolment targets, `data.autoEnrol.courseIds`) and in which courses */
  autoEnrolPeople = 0;
  readonly autoEnrolCourses = new Set<string>();
  /** people whose finished courses a withdraw ends access to (`data.finished`): their record stays */
  finishedPeople = 0;

  add(outcomes: Outcome[]): void {
    for (const o of outcomes) {
      this.evaluated++;
      if (o.status === 'succeeded' && Array.isArray(o.data?.finished) && o.data.finished.length) this.finishedPeople++;
      const targets = autoEnrolTargets(o);
      if (targets.length) {
        this.autoEnrolPeople++;
        targets.forEach((c) => this.autoEnrolCourses.add(c));
      }
      const status = o.status === 'deferred' ? 'succeeded' : o.status; // held back for pace: it will happen
      if (status === 'succeeded') this.willChange++;
      else bump(status === 'skipped' ? this.skipped : this.failed, o.code ?? 'UNKNOWN', o.message ?? '');
      if (this.sample.length < SAMPLE_SIZE && (status === 'succeeded' || this.sample.length < SAMPLE_SIZE / 2)) {
        this.sample.push({ userId: o.userId, status, ...(o.code && { code: o.code }), before: o.before, after: o.data?.after });
      }
    }
  }

  withoutDryRun(service: string): this {
    this.noDryRun = service;
    return this;
  }
}

/** The courses a succeeded person will be enrolled in by a later step of the saga (membership's add-to-groups). */
function autoEnrolTargets(o: Outcome): string[] {
  if (o.status !== 'succeeded') return [];
  const courseIds = (o.data?.autoEnrol as { courseIds?: unknown } | undefined)?.courseIds;
  return Array.isArray(courseIds) ? courseIds.map(String) : [];
}

function bump(map: Map<string, { message: string; count: number }>, code: string, message: string): void {
  const entry = map.get(code) ?? { message, count: 0 };
  entry.count++;
  map.set(code, entry);
}

/** The Preview answer: exact when every person was evaluated, otherwise scaled up from the evaluated ones. */
export function summarise(draft: Job, tally: Tally, config: EngineConfig, expiresAt: Date, first: Preview['warnings'] = []): Preview {
  const total = draft.total ?? 0;
  const exact = !tally.noDryRun && tally.evaluated === total;
  const scale = (n: number) => (exact || tally.evaluated === 0 ? n : Math.round((n * total) / tally.evaluated));
  const grouped = (map: Tally['skipped']) =>
    [...map].map(([code, v]) => ({ code, message: v.message, count: scale(v.count) })).sort((a, b) => b.count - a.count);
  // an undo may run a participant-only inverse (restore-groups): not a catalogue action, never destructive
  const action = actionById(draft.action);
  const requiresApprovalCount = !!action?.destructive && total > config.approvalThreshold;
  const warnings: Preview['warnings'] = [...first];
  if (action?.destructive) warnings.push({ code: 'DESTRUCTIVE', message: destructiveNotice(action) });
  if (requiresApprovalCount) warnings.push({ code: 'APPROVAL_REQUIRED', message: `type ${total} to confirm (options.approvalCount)` });
  if (tally.autoEnrolPeople > 0) {
    const people = scale(tally.autoEnrolPeople);
    const courses = tally.autoEnrolCourses.size;
    warnings.push({
      code: 'AUTO_ENROLMENT',
      message: `${people} ${people === 1 ? 'person' : 'people'} will be enrolled in ${courses} ${courses === 1 ? 'course' : 'courses'} (auto-enrolment targets of the groups), even courses completed before`,
    });
  }
  if (tally.finishedPeople > 0) {
    const people = scale(tally.finishedPeople);
    warnings.push({
      code: 'FINISHED_PARTICIPANTS',
      message: `${people} ${people === 1 ? 'person has' : 'people have'} finished a course they will be withdrawn from: their access ends, the finished attempt stays in their history and reports`,
    });
  }
  if (tally.noDryRun)
    warnings.push({ code: 'NO_DRY_RUN', message: `${tally.noDryRun} cannot preview ${draft.action} yet: only the selection was counted` });
  else if (!exact)
    warnings.push({ code: 'ESTIMATE', message: `outcomes were computed for the first ${tally.evaluated} of ${total} people and scaled up` });
  return {
    snapshotId: draft._id,
    action: draft.action,
    ...(draft.undoOf && { undoOf: draft.undoOf }),
    total,
    evaluated: tally.evaluated,
    exact,
    willChange: tally.noDryRun ? total : scale(tally.willChange),
    skipped: grouped(tally.skipped),
    failed: grouped(tally.failed),
    sample: tally.sample,
    warnings,
    requiresApprovalCount,
    expiresAt: expiresAt.toISOString(),
  };
}
