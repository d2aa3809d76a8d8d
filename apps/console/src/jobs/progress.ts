import type { ItemCounts, ItemView, JobEvent, JobView } from '../api/types';

/** People of a job that reached their outcome. */
export function doneOf(counts: ItemCounts): number {
  return counts.succeeded + counts.skipped + counts.failed + counts.cancelled;
}

/** Whole percent done; 0 while the selection is still being resolved. */
export function percentOf(job: Pick<JobView, 'counts' | 'total' | 'status'>): number {
  if (job.status === 'completed') return 100;
  if (!job.total) return 0;
  return Math.min(100, Math.floor((doneOf(job.counts) * 100) / job.total));
}

/** "12.5 people/s", "0.3 people/s". */
export function rateText(ratePerSecond: number): string {
  if (ratePerSecond <= 0) return '—';
  const digits = ratePerSecond >= 100 ? 0 : 1;
  return `${ratePerSecond.toFixed(digits)} people/s`;
}

/** "about 45 s left", "about 3 min left", "about 2 h 5 min left". */
export function etaText(etaSeconds: number | null | undefined): string {
  if (etaSeconds === null || etaSeconds === undefined) return 'unknown';
  const s = Math.round(etaSeconds);
  if (s < 1) return 'any moment';
  if (s < 90) return `about ${s} s left`;
  const minutes = Math.round(s / 60);
  if (minutes < 90) return `about ${minutes} min left`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

/** A job view with a live event applied (progress and the end carry counts and totals). */
export function applyEvent(job: JobView, event: JobEvent): JobView {
  const next: JobView = { ...job };
  if (event.counts) next.counts = event.counts;
  if (event.total !== undefined) next.total = event.total;
  if (event.ratePerSecond !== undefined) next.ratePerSecond = event.ratePerSecond;
  if (event.etaSeconds !== undefined) next.etaSeconds = event.etaSeconds;
  if (event.type === 'progress' && !['running', 'completed', 'failed', 'cancelled'].includes(job.status)) next.status = 'running';
  if (event.type === 'completed' || event.type === 'failed' || event.type === 'cancelled') {
    next.status = event.type;
    next.etaSeconds = 0;
  }
  return next;
}

export interface ReasonGroup {
  code: string;
  message: string;
  count: number;
  userIds: string[];
}

/** People of one outcome grouped by reason (code and message), largest group first. */
export function groupByReason(items: readonly ItemView[]): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>();
  for (const item of items) {
    const code = item.code ?? 'UNKNOWN';
    const message = item.message ?? '';
    const key = `${code}\u0000${message}`;
    const group = groups.get(key) ?? { code, message, count: 0, userIds: [] };
    group.count += 1;
    if (group.userIds.length < 5) group.userIds.push(item.userId);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** A before/after value as a person reads it: lists joined, nothing as an em dash. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(', ') : '(none)';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${valueText(v)}`)
      .join('; ');
  }
  return String(value);
}
