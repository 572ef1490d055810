// One connection to GET /v1/changes: parses its Server-Sent Events and hands each to the decision point; ends
// when the server closes it or signs it out, the caller aborts, or nothing (not even a heartbeat) arrives for `silenceMs`.
import type { Change } from "@gatehouse/domain";
import { createParser } from "eventsource-parser";
import { chunksOf } from "./body-chunks.ts";
import type { Transport } from "./transport.ts";

/** A `change` event: (part of) one audit row's changes that the organization's snapshot holds. */
export interface ChangeEvent {
  readonly audit: string;
  readonly part: number;
  readonly parts: number;
  readonly changes: ReadonlyArray<Change>;
}

/** What the stream tells, in order. */
export type StreamEvent =
  | { readonly type: "ready" }
  | { readonly type: "change"; readonly event: ChangeEvent }
  | { readonly type: "position"; readonly position: string }
  | { readonly type: "reload"; readonly position: string | null }
  | { readonly type: "signed-out" };

export interface Follow {
  readonly transport: Transport;
  readonly onEvent: (event: StreamEvent) => void;
  /** Anything arrived (an event or a heartbeat). */
  readonly onActivity: () => void;
  readonly signal: AbortSignal;
  readonly silenceMs: number;
}

const parsed = (name: string | undefined, data: string): StreamEvent | undefined => {
  const value = JSON.parse(data) as Record<string, unknown>;
  switch (name) {
    case "ready":
      return { type: "ready" };
    case "change":
      return { type: "change", event: value as unknown as ChangeEvent };
    case "position":
      return { type: "position", position: String(value.position) };
    case "reload":
      return { type: "reload", position: typeof value.position === "string" ? value.position : null };
    case "signed-out":
      return { type: "signed-out" };
    default:
      return undefined;
  }
};

/**
 * How a connection ended: the server closed it, signed it out (`signed-out`: nothing after it is delivered), it
 * fell silent for `silenceMs`, or the caller aborted it.
 */
export type StreamEnd = "closed" | "signed-out" | "silent" | "aborted";

/** Follows the stream until it ends; throws the server's refusal (RemoteRefusal) or a network error. */
export const followOnce = async ({
  transport,
  onEvent,
  onActivity,
  signal,
  silenceMs,
}: Follow): Promise<StreamEnd> => {
  const local = new AbortController();
  let end: StreamEnd = "aborted";
  const abort = () => local.abort();
  signal.addEventListener("abort", abort, { once: true });
  let silence: ReturnType<typeof setTimeout> | undefined;
  const listen = () => {
    clearTimeout(silence);
    silence = setTimeout(() => {
      end = "silent";
      local.abort();
    }, silenceMs);
  };
  const heard = () => {
    listen();
    onActivity();
  };
  try {
    listen();
    const response = await transport.get("/v1/changes", local.signal);
    if (!response.ok || response.body === null) throw await transport.refusal(response);
    let signedOut = false;
    const parser = createParser({
      onEvent: (message) => {
        if (signedOut) return;
        const event = parsed(message.event, message.data);
        if (event?.type === "signed-out") signedOut = true;
        if (event !== undefined) onEvent(event);
      },
      onComment: heard,
    });
    const decoder = new TextDecoder();
    for await (const chunk of chunksOf(response.body, local.signal)) {
      heard();
      parser.feed(decoder.decode(chunk, { stream: true }));
      if (signedOut) return "signed-out";
    }
    return "closed";
  } catch (error) {
    // An abort (ours, or silence) simply ends this connection.
    if (!local.signal.aborted) throw error;
    return end;
  } finally {
    clearTimeout(silence);
    signal.removeEventListener("abort", abort);
    local.abort();
  }
};
