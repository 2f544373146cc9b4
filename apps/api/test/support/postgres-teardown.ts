/** Jest's global teardown: stops the server postgres-setup.ts started, if it did. */
export default function teardown(): void {
  (globalThis as { profmonitorPostgres?: { stop(): void } }).profmonitorPostgres?.stop();
}
