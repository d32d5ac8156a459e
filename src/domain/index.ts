/** Public API of the pure domain layer (no I/O). */
export * from './errors.js';
export * from './dates.js';
export * from './calendar.js';
export * from './mission-window.js';
export * from './fractions.js';
export * from './day-entries.js';
export * from './cra-completeness.js';
export * from './canonical-json.js';
export * from './cra-content-hash.js';
export * from './cra-state.js';
export * from './decimal.js';
export * from './billing.js';
export * from './kpi.js';
export * from './local-time.js';
export * from './working-hours.js';
