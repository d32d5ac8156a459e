/**
 * Known-harmless warnings kept off the user's terminal. @prisma/adapter-pg issues some queries of
 * one interactive transaction concurrently on its connection; pg 8 serializes them correctly but
 * prints a deprecation warning on every import. Every other warning is still printed.
 */
const SILENCED = [/Calling client\.query\(\) when the client is already executing a query/];

export function silenceKnownWarnings(): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (SILENCED.some((pattern) => pattern.test(warning.message))) return;
    process.stderr.write(`${warning.name}: ${warning.message}\n`);
  });
}
