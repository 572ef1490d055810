// The newest consistency token this client saw (each answer's Gatehouse-Token, each live event's id), sent as
// `atLeast` with its permission questions, so a page never sees a state older than what it already learned.

/** The response header the API answers a write's token in. */
const TOKEN_HEADER = "gatehouse-token";
const DECIMAL = /^[0-9]{1,19}$/;

export interface TokenKeeper {
  /** The highest token seen so far, if any. */
  readonly latest: () => string | undefined;
  /** Records a token (an audit id in decimal); anything else is ignored. */
  readonly saw: (token: string | null | undefined) => void;
}

export const createTokenKeeper = (): TokenKeeper => {
  let highest: bigint | undefined;
  return {
    latest: () => highest?.toString(),
    saw: (token) => {
      if (token === null || token === undefined || !DECIMAL.test(token)) return;
      const at = BigInt(token);
      if (highest === undefined || at > highest) highest = at;
    },
  };
};

/** What tRPC's links pass to `fetch`: the standard init, but `signal` may be given as undefined. */
type LinkRequestInit = Omit<RequestInit, "signal"> & { readonly signal?: AbortSignal | null | undefined };

/** `fetch` for tRPC's link, recording the token of every answer in `tokens`. */
export const recordingFetch =
  (tokens: TokenKeeper) =>
  async (input: RequestInfo | URL, init?: LinkRequestInit): Promise<Response> => {
    const response = await fetch(input, { ...init, signal: init?.signal ?? null });
    tokens.saw(response.headers.get(TOKEN_HEADER));
    return response;
  };
