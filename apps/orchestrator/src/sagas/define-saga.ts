import { ServiceName } from '@cohort/contracts';

/** One participant step of a saga: which service does what, and how to undo it if a later step fails. */
export interface SagaStep {
  readonly service: ServiceName;
  /** the participant action the service runs (the `action` of the work chunk) */
  readonly action: string;
  /** participant action that reverses this step for a person when a later step fails for them */
  readonly compensate?: string;
  /** this step's `before` values are what an undo restores */
  readonly keepsBefore?: boolean;
}

/** The job that restores one person: its action and params, from the job's params and the person's `before`. */
export interface InverseJob {
  action: string;
  params: Record<string, unknown>;
}

export interface Saga {
  readonly action: string;
  readonly steps: readonly SagaStep[];
  /** how to undo a finished job person by person (absent: not reversible); `jobId` is the job being undone */
  readonly inverse?: (params: Record<string, unknown>, before: unknown, jobId: string) => InverseJob | undefined;
  /** what a job of this saga does besides its first step's change, in one clause: the UNDO warning of a preview shows it */
  readonly notice?: string;
}

/** A saga is data: the engine runs every saga the same way (CONVENTIONS.md "A saga is data"). */
export function defineSaga(action: string, steps: SagaStep[], options: Pick<Saga, 'inverse' | 'notice'> = {}): Saga {
  if (steps.length === 0) throw new Error(`saga ${action} has no steps`);
  return Object.freeze({ action, steps: Object.freeze(steps), ...options });
}

export function step(service: ServiceName, action: string, options: Omit<SagaStep, 'service' | 'action'> = {}): SagaStep {
  return { service, action, ...options };
}

/** The common case: the owning service does it in one step and keeps each person's prior value. */
export function singleStep(service: ServiceName, action: string, inverse?: Saga['inverse'], notice?: string): Saga {
  return defineSaga(action, [step(service, action, { keepsBefore: inverse !== undefined })], { inverse, ...(notice && { notice }) });
}

/** Compensation steps are numbered apart from forward steps in work chunks, so their op keys never collide. */
export { COMPENSATION_STEP_OFFSET } from '@cohort/contracts';
