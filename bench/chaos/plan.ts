/** The chaos run's plan: which disruptions, at which point of which job's progress (pure, replayable by seed). */
import fc from 'fast-check';

export type DisruptionKind = 'kill' | 'broker' | 'join' | 'leave';

export interface PlannedDisruption {
  what: string;
  kind: DisruptionKind;
  /** the job whose progress fraction triggers it, and the fraction */
  trigger: { job: string; fraction: number };
}

/** A seeded stream of numbers in [0, 1) (fast-check's generator), so a run's random points can be replayed with --seed. */
export function seededRandom(seed: number): () => number {
  const draws = fc.sample(fc.noBias(fc.integer({ min: 0, max: 2 ** 30 - 1 })), { seed, numRuns: 64 }).map((i) => i / 2 ** 30);
  let next = 0;
  return () => draws[next++ % draws.length];
}

/** The service a process name (`learning`, `learning-2`) belongs to. */
export const serviceOf = (processName: string) => processName.replace(/-\d+$/, '');

/**
 * Every service killed once, the broker killed once, and (with `rebalance`) a second learning process
 * joining and later leaving learning's groups, each at a random fraction (5–80 %) of its job's progress.
 * Draws from `random` in a fixed order: the first draws of a run's seed.
 */
export function chaosPlan(random: () => number, rebalance: boolean): PlannedDisruption[] {
  const plan: PlannedDisruption[] = [
    ...(['orchestrator', 'identity', 'learning'] as const).map((s) => ({
      what: `kill -9 ${s}`,
      kind: 'kill' as const,
      trigger: { job: 'deactivate', fraction: 0 },
    })),
    { what: 'kill -9 communications', kind: 'kill', trigger: { job: 'notify', fraction: 0 } },
    { what: 'kill -9 Kafka broker', kind: 'broker', trigger: { job: 'deactivate', fraction: 0 } },
    ...(rebalance
      ? [
          { what: 'learning-2 joins learning’s group', kind: 'join' as const, trigger: { job: 'deactivate', fraction: 0 } },
          { what: 'learning-2 leaves learning’s group', kind: 'leave' as const, trigger: { job: 'deactivate', fraction: 0 } },
        ]
      : []),
  ];
  for (const d of plan) d.trigger.fraction = Math.round((0.05 + 0.75 * random()) * 1000) / 1000;
  const joins = plan.find((d) => d.kind === 'join');
  const leave = plan.find((d) => d.kind === 'leave');
  if (joins && leave && leave.trigger.fraction < joins.trigger.fraction)
    [joins.trigger.fraction, leave.trigger.fraction] = [leave.trigger.fraction, joins.trigger.fraction];
  return plan;
}
