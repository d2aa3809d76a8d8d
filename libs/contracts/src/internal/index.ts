export * from './identity-api';
export * from './communications-api';
export * from './orchestrator-api';
export * from './selection-digest';
export * from './membership-api';
export * from './learning-api';
