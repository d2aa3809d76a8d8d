export * from './infra/infra';
export { InfraError, portFree } from './infra/processes';
export { createTopics, deleteTopics } from './infra/kafka';
export * from './harness/kafka-probe';
export * from './harness/services';
