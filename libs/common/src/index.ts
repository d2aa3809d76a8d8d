export * from './config';
export * from './core.module';
export * from './bootstrap';
export * from './person-data/person-data';
export * from './persistence/lease-lock';
