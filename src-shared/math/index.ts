export * from './downtime';
export * from './credits';
export * from './money';
