import { Reason } from '@cohort/contracts';

/** A request or command the orchestrator will not run: HTTP status and reason, mapped at the edge. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: Reason,
    readonly details: Record<string, unknown> = {},
  ) {
    super(reason.message);
  }

  /** The `{code, message, details}` body of the HTTP API. */
  toBody() {
    return {
      code: this.reason.code,
      message: this.reason.message,
      details: { ...(this.reason.field && { field: this.reason.field }), ...this.details },
    };
  }
}
