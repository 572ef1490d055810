// Tells the app's other tabs in this browser (every Gatehouse app shares the origin and its session cookie)
// that someone signed in or out here, so they ask the session at once instead of at the next heartbeat.
const channelName = "gatehouse-session";

/** Announces a sign-in or sign-out made in this tab; the tab itself does not hear it. */
export const announceSessionChange = (): void => {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(channelName);
  channel.postMessage("session-changed");
  channel.close();
};

/** Calls `listener` whenever another tab announces a change; returns what stops listening. */
export const onSessionChangeElsewhere = (listener: () => void): (() => void) => {
  if (typeof BroadcastChannel === "undefined") return () => undefined;
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = () => listener();
  return () => channel.close();
};
