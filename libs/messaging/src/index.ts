export * from './errors';
export * from './headers';
export * from './kafka.client';
export * from './kafka.publisher';
export * from './kafka-batch.transport';
export * from './validate';
export * from './work-results';
export * from './pass-through.filter';
