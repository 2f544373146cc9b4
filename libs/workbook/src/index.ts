export * from './reader';
export * from './template';
