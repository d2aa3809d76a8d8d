import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { Kafka } from 'kafkajs';
import { createKafka, KafkaPublisher } from '@cohort/messaging';
import { CORE_OPTIONS, loadConfig, SERVICE_CONFIG, ServiceConfig, ServiceId } from './config';
import { HealthController } from './health/health.controller';
import { KafkaHealthIndicator } from './health/kafka.health';
import { MetricsController } from './metrics/metrics.controller';

export interface CoreOptions {
  /** whether the service owns a database (every service but the gateway) */
  mongo?: boolean;
  /** rewrites a request's URL before any log line shows it (the gateway masks the tokens of e-mailed links) */
  maskUrl?: (url: string) => string;
}

/**
 * Query parameters that carry credentials when a client puts them in a URL (an EventSource cannot send
 * an Authorization header, so `?access_token=` is common): removed from every request log line, from
 * the parsed query by pino's `redact` and from the URL by `loggedRequest`.
 */
export const CREDENTIAL_PARAMS = [
  'token',
  'access_token',
  'id_token',
  'refresh_token',
  'jwt',
  'password',
  'secret',
  'api_key',
  'apikey',
  'signature',
];
const CREDENTIAL_IN_URL = new RegExp(`([?&](?:${CREDENTIAL_PARAMS.join('|')})=)[^&#]*`, 'gi');

/** What pino removes from every log line: credential headers and query parameters (`[Redacted]`). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  ...CREDENTIAL_PARAMS.map((name) => `req.query.${name}`),
];

/**
 * The request as logged: credential query parameters (CREDENTIAL_PARAMS) and whatever `maskUrl` hides
 * are gone from the URL, and `params` (Express 5 repeats the path's segments there) is dropped so it
 * cannot show them again.
 */
export function loggedRequest(maskUrl: CoreOptions['maskUrl']) {
  return (req: { url?: string; params?: unknown }) => {
    const url = req.url?.replace(CREDENTIAL_IN_URL, '$1[Redacted]');
    return Object.assign(req, { url: url && maskUrl ? maskUrl(url) : url, params: undefined });
  };
}

/**
 * What every Cohort service has: validated config, JSON logs, the Kafka client and publisher,
 * its own database, `GET /health` and `GET /metrics`.
 */
@Global()
@Module({})
export class CohortCoreModule {
  static forRoot(service: ServiceId, options: CoreOptions = { mongo: true }): DynamicModule {
    const config = loadConfig(service);
    const providers: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: CORE_OPTIONS, useValue: options },
      { provide: Kafka, useFactory: (c: ServiceConfig) => createKafka(c.kafka.clientId, c.kafka.brokers), inject: [SERVICE_CONFIG] },
      { provide: KafkaPublisher, useFactory: (k: Kafka) => new KafkaPublisher(k), inject: [Kafka] },
      KafkaHealthIndicator,
    ];
    return {
      module: CohortCoreModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            base: { service },
            redact: REDACTED_PATHS,
            serializers: { req: loggedRequest(options.maskUrl) },
            autoLogging: { ignore: (req) => ['/health', '/metrics'].includes(req.url ?? '') },
          },
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        ...(options.mongo
          ? [MongooseModule.forRoot(config.mongo.url, { dbName: config.mongo.dbName, maxPoolSize: 32, serverSelectionTimeoutMS: 10000 })]
          : []),
      ],
      controllers: [HealthController, MetricsController],
      providers,
      exports: [SERVICE_CONFIG, Kafka, KafkaPublisher],
    };
  }
}
