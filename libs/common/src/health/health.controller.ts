import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorFunction, MongooseHealthIndicator } from '@nestjs/terminus';
import { KafkaHealthIndicator } from './kafka.health';
import { CORE_OPTIONS } from '../config';
import type { CoreOptions } from '../core.module';

/** `GET /health`: 200 when Kafka (and MongoDB, for services that own a database) answer; 503 otherwise. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly kafka: KafkaHealthIndicator,
    private readonly mongo: MongooseHealthIndicator,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    const checks: HealthIndicatorFunction[] = [() => this.kafka.isHealthy('kafka')];
    if (this.options.mongo) checks.push(() => this.mongo.pingCheck('mongo', { timeout: 3000 }));
    return this.health.check(checks);
  }
}
