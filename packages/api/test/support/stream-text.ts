// An HTTP response's body read as text, as the stream tests read /events and /v1/changes: until a condition holds,
// bounded by a deadline (no tight waits), a read still pending when a wait ended kept for the next, so none is lost.

/** The text read so far, a bounded wait for a condition, whether the stream ended, and how to cancel it. */
export const streamText = (res: Response) => {
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let ended = false;
  let pending: ReturnType<NonNullable<typeof reader>["read"]> | undefined;
  /** Reads until `done(text)`, the end of the stream or `ms` pass; returns whether the condition held. */
  const readUntil = async (done: (text: string) => boolean, ms: number): Promise<boolean> => {
    const deadline = Date.now() + ms;
    while (reader !== undefined && !ended && !done(text)) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), left);
      });
      pending ??= reader.read();
      const chunk = await Promise.race([pending, timeout]);
      clearTimeout(timer);
      if (chunk === "timeout") break;
      pending = undefined;
      if (chunk.done) ended = true;
      else text += decoder.decode(chunk.value, { stream: true });
    }
    return done(text);
  };
  return { readUntil, text: () => text, ended: () => ended, close: () => reader?.cancel() };
};
