/**
 * Monitoring data and the monthly report: CSV import of incidents
 * and probe samples, and the per-month attainment, downtime and credit
 * statement built from them. Pure: the Node service that streams files from
 * disk is src-main/services/monitoring-import.ts.
 */
export * from './csv';
export * from './data';
export * from './importer';
export * from './intervals';
export * from './coverage';
export * from './probes';
export * from './report';
export * from './values';
