import { ACTION_IDS, CatalogueActionId } from './actions/catalogue';
import { contractSchemas, JsonSchema } from './json-schema';
import { dlqTopic, DLQ_HEADERS, SERVICES, topicPlan, topicsFor, workTopic } from './topics';

/** Where a developer's local broker listens (scripts/infra.ts); deployments substitute their own. */
const LOCAL_KAFKA = 'localhost:19092';
const KAFKA_BINDING = '0.5.0';

const topics = topicsFor('');
const plan = topicPlan(topics);
const partitionsOf = (topic: string) => plan.find((t) => t.topic === topic)?.numPartitions ?? 1;
const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const componentName = (schemaName: string) => schemaName.replace(/\//g, '.');
const keyedBy = (description: string) => ({ kafka: { key: { type: 'string', description }, bindingVersion: KAFKA_BINDING } });

const commonHeaders = {
  type: 'object',
  properties: {
    'x-correlation-id': { type: 'string', description: 'Correlates the messages of one job (its id) in logs and traces' },
    'x-tenant-id': { type: 'string', description: 'Tenant id, for routing and logs without parsing the body' },
  },
};

const dlqHeaders = {
  type: 'object',
  description: 'The original headers stay; these are added.',
  required: Object.values(DLQ_HEADERS),
  properties: {
    [DLQ_HEADERS.error]: { type: 'string', maxLength: 4000, description: 'Why the message was dead-lettered' },
    [DLQ_HEADERS.errorCode]: {
      type: 'string',
      description: 'MESSAGE.INVALID (unreadable JSON or fails its schema) or HANDLER.FAILED (retries exhausted)',
    },
    [DLQ_HEADERS.originalTopic]: { type: 'string', description: 'Topic the message was read from' },
    [DLQ_HEADERS.originalPartition]: { type: 'string', pattern: '^[0-9]+$', description: 'Its partition, in decimal' },
    [DLQ_HEADERS.originalOffset]: { type: 'string', pattern: '^[0-9]+$', description: 'Its offset, in decimal' },
  },
};

function messages(): Record<string, JsonSchema> {
  const message = (name: string, title: string, summary: string, key: string) => ({
    name,
    title,
    summary,
    contentType: 'application/json',
    headers: commonHeaders,
    payload: schemaRef(name),
    bindings: keyedBy(key),
  });
  return {
    BatchCommand: message('BatchCommand', 'Batch command', 'Run one action over a selection of people.', 'Tenant id'),
    WorkChunk: message('WorkChunk', 'Work chunk', 'One chunk of one saga step of a job, for one service.', 'Job id'),
    ChunkResult: message('ChunkResult', 'Chunk result', 'Per-person outcomes of one work chunk.', 'Job id'),
    JobEvent: message('JobEvent', 'Job event', 'Lifecycle of a job.', 'Job id; the command id for `rejected`'),
    IdentityEvent: message('IdentityEvent', 'Identity event', 'Something happened to a person in identity (person-activated).', 'Tenant id'),
    PersonFacts: message(
      'PersonFacts',
      'Person facts',
      "A person's current teams/groups (membership) or courses (learning).",
      '<tenant id>:<user id>',
    ),
    DeadLetter: {
      name: 'DeadLetter',
      title: 'Dead letter',
      summary: 'A message that could not be parsed, validated or handled: key and value exactly as received.',
      headers: dlqHeaders,
      payload: { description: 'The original value, unchanged (possibly not JSON at all)' },
    },
  };
}

function channel(address: string, description: string, message: string) {
  return {
    address,
    description,
    messages: { [message]: { $ref: `#/components/messages/${message}` } },
    bindings: { kafka: { partitions: partitionsOf(address), bindingVersion: KAFKA_BINDING } },
  };
}

function workChannels(): Record<string, JsonSchema> {
  const entries = SERVICES.flatMap((service) => [
    [
      `${service}Work`,
      channel(
        workTopic(service, topics),
        `Internal: chunks of work the orchestrator sends to ${service}; its instances share one consumer group.`,
        'WorkChunk',
      ),
    ],
    [
      `${service}WorkExpress`,
      channel(
        workTopic(service, topics, 'express'),
        `Internal: the express lane of ${service}'s work: chunks of small jobs (ORCH_EXPRESS_MAX people at most), ` +
          'consumed by a consumer group of their own so they never wait behind the chunks of large jobs.',
        'WorkChunk',
      ),
    ],
  ]);
  return Object.fromEntries(entries);
}

function channels(): Record<string, JsonSchema> {
  const all = [
    topics.commands,
    topics.results,
    topics.events,
    topics.identityEvents,
    topics.peopleFacts,
    ...SERVICES.flatMap((s) => [workTopic(s, topics), workTopic(s, topics, 'express')]),
  ];
  return {
    commands: channel(
      topics.commands,
      'Requests to run an action. Other internal services publish here. The same commandId twice is one job; ' +
        'a malformed or unauthorised command is answered by a `rejected` event on the events topic.',
      'BatchCommand',
    ),
    results: channel(topics.results, 'Per-person outcomes of each work chunk, from every service to the orchestrator.', 'ChunkResult'),
    events: channel(topics.events, 'Job lifecycle for anyone to follow: accepted, rejected, progress, completed, failed, cancelled.', 'JobEvent'),
    identityEvents: channel(
      topics.identityEvents,
      'Person events identity publishes (an invited person activated) for the services that act on them, each in its own consumer group.',
      'IdentityEvent',
    ),
    peopleFacts: channel(
      topics.peopleFacts,
      'Internal: what membership and learning know about a person that the directory filters on (whole lists); identity keeps a copy.',
      'PersonFacts',
    ),
    ...workChannels(),
    deadLetters: {
      address: dlqTopic('{topic}'),
      description: 'One dead-letter topic per topic: messages that cannot be parsed or validated, with the error in headers.',
      parameters: { topic: { enum: all, description: 'The topic the message was read from' } },
      messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
      bindings: { kafka: { partitions: partitionsOf(dlqTopic(topics.commands)), bindingVersion: KAFKA_BINDING } },
    },
  };
}

function operation(action: 'send' | 'receive', channelName: string, message: string, summary: string) {
  return {
    action,
    channel: { $ref: `#/channels/${channelName}` },
    summary,
    messages: [{ $ref: `#/channels/${channelName}/messages/${message}` }],
  };
}

function operations(): Record<string, JsonSchema> {
  return {
    sendBatchCommand: operation('send', 'commands', 'BatchCommand', 'Request a batch job: other internal services publish here.'),
    receiveJobEvents: operation('receive', 'events', 'JobEvent', 'Follow jobs: acceptance or rejection, progress and the end.'),
    receiveChunkResults: operation('receive', 'results', 'ChunkResult', 'Read per-person outcomes as services report them.'),
    receiveIdentityEvents: operation(
      'receive',
      'identityEvents',
      'IdentityEvent',
      'Act on people joining (communications delivers waiting notifications).',
    ),
    receiveDeadLetters: operation('receive', 'deadLetters', 'DeadLetter', 'Inspect messages that were dead-lettered.'),
  };
}

function componentSchemas(): Record<string, JsonSchema> {
  const paramsRef = (id: CatalogueActionId) => schemaRef(componentName(`params/${id}`));
  const schemas = contractSchemas({ target: 'draft-7', paramsRef });
  return Object.fromEntries(Object.entries(schemas).map(([name, { $schema: _, ...schema }]) => [componentName(name), schema]));
}

/** The AsyncAPI 3.0.0 document of the Kafka contract (DESIGN.md §3), schemas generated from the zod source. */
export function buildAsyncApi(): JsonSchema {
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Cohort',
      version: '1.0.0',
      description:
        'Batch actions for learning platforms: publish a BatchCommand to run one of the catalogue actions ' +
        `(${ACTION_IDS.length} of them: ${ACTION_IDS.join(', ')}) over many people, then follow the job on the events topic. ` +
        'Messages are JSON; schemas are JSON Schema draft-07 here and draft 2020-12 in docs/contracts/json-schema/. ' +
        'Topic names may carry a deployment prefix (KAFKA_TOPIC_PREFIX).',
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: { host: LOCAL_KAFKA, protocol: 'kafka', description: 'Local development broker (npm run infra:up)' },
    },
    channels: channels(),
    operations: operations(),
    components: { schemas: componentSchemas(), messages: messages() },
  };
}
