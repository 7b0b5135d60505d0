/**
 * Ends the current task and continues in a new one, so the page can answer
 * input and draw between the steps of a long start (each step then counts as
 * its own task, not one long block). `scheduler.yield` continues ahead of
 * other queued work where the browser has it; elsewhere a zero-delay message.
 */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}
