import { EventPattern, Payload } from '@nestjs/microservices';
import { ChunkResult, TOPICS } from '@cohort/contracts';
import { InvalidMessageError, KafkaController, parseMessage } from '@cohort/messaging';
import { EngineService } from './engine/engine.service';
import { JobEventsPublisher } from './engine/job-events.publisher';
import { IntakeService } from './intake/intake.service';
import { Refusal } from './intake/refusal';

/** Commands in, results in: each message becomes a call on intake or the engine; nothing else happens here. */
@KafkaController()
export class OrchestratorKafkaController {
  constructor(
    private readonly intake: IntakeService,
    private readonly engine: EngineService,
    private readonly events: JobEventsPublisher,
  ) {}

  /**
   * A command another service published. A refused command gets a `rejected` event saying why and goes
   * to the dead-letter topic; it never blocks the partition. A transient failure (identity down) is retried.
   */
  @EventPattern(TOPICS.commands)
  async command(@Payload() body: unknown): Promise<void> {
    try {
      await this.intake.submit(body, 'kafka');
    } catch (err) {
      if (!(err instanceof Refusal) || err.status >= 500) throw err;
      const { commandId, tenantId } = err.details as { commandId?: string; tenantId?: string };
      const raw = (typeof body === 'object' && body ? body : {}) as { commandId?: unknown; tenantId?: unknown };
      await this.events.rejected(err.reason, commandId ?? str(raw.commandId), tenantId ?? str(raw.tenantId));
      throw new InvalidMessageError(`${err.reason.code}: ${err.reason.message}`, err.reason.code, err.reason.field);
    }
  }

  @EventPattern(TOPICS.results)
  async result(@Payload() body: unknown): Promise<void> {
    await this.engine.onResult(parseMessage(ChunkResult, body));
  }
}

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 128 ? v : undefined);
