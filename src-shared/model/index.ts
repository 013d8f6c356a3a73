export * from './schema';
export * from './problems';
export * from './metrics';
export * from './rules';
export * from './validate';
export * from './file';
export * from './defaults';
export * from './text';
