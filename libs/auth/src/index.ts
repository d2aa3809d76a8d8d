export * from './token';
export * from './permissions';
