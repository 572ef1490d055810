// A response body's chunks until it ends or a signal aborts. Leaving never waits on the body after an abort: on
// Node 20, a fetch aborted while its body ends can leave a pending read (and a for-await over it) unsettled for good.

/** The chunks of `body`; ends (throwing the abort's reason) as soon as `signal` aborts, whatever the body does. */
export async function* chunksOf(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array, void> {
  const reader = body.getReader();
  let stop = () => {};
  const aborted = new Promise<{ readonly done: true; readonly value: undefined }>((resolve) => {
    stop = () => resolve({ done: true, value: undefined });
  });
  signal.addEventListener("abort", stop, { once: true });
  if (signal.aborted) stop();
  try {
    while (true) {
      // A read still pending after an abort settles into the race, which has already answered.
      const next = await Promise.race([reader.read(), aborted]);
      if (signal.aborted) throw signal.reason;
      if (next.done) return;
      yield next.value;
    }
  } finally {
    signal.removeEventListener("abort", stop);
    // Releases the connection; not awaited, as it may never settle either.
    reader.cancel().catch(() => {});
  }
}
