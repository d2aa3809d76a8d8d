import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorFunction, MongooseHealthIndicator } from '@nestjs/terminus';
import { KafkaHealthIndicator } from './kafka.health';

/** `GET /health`: 200 when Kafka (and MongoDB, for services that own a database) answer; 503 otherwise. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly kafka: KafkaHealthIndicator,
    @Optional() @Inject(MongooseHealthIndicator) private readonly mongo?: MongooseHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    const checks: HealthIndicatorFunction[] = [() => this.kafka.isHealthy('kafka')];
    if (this.mongo) checks.push(() => this.mongo!.pingCheck('mongo', { timeout: 3000 }));
    return this.health.check(checks);
  }
}
