// One connection to GET /v1/changes: parses its Server-Sent Events and hands each to the decision point; ends
// when the server closes it, the caller aborts, or nothing (not even a heartbeat) arrives for `silenceMs`.
import type { Change } from "@gatehouse/domain";
import { createParser } from "eventsource-parser";
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

/** Follows the stream until it ends; throws the server's refusal (RemoteRefusal) or a network error. */
export const followOnce = async ({
  transport,
  onEvent,
  onActivity,
  signal,
  silenceMs,
}: Follow): Promise<void> => {
  const local = new AbortController();
  const abort = () => local.abort();
  signal.addEventListener("abort", abort, { once: true });
  let silence: ReturnType<typeof setTimeout> | undefined;
  const heard = () => {
    clearTimeout(silence);
    silence = setTimeout(abort, silenceMs);
    onActivity();
  };
  try {
    heard();
    const response = await transport.get("/v1/changes", local.signal);
    if (!response.ok || response.body === null) throw await transport.refusal(response);
    const parser = createParser({
      onEvent: (message) => {
        const event = parsed(message.event, message.data);
        if (event !== undefined) onEvent(event);
      },
      onComment: heard,
    });
    const decoder = new TextDecoder();
    for await (const chunk of response.body) {
      heard();
      parser.feed(decoder.decode(chunk, { stream: true }));
    }
  } catch (error) {
    // An abort (ours, or silence) simply ends this connection.
    if (!local.signal.aborted) throw error;
  } finally {
    clearTimeout(silence);
    signal.removeEventListener("abort", abort);
    local.abort();
  }
};
