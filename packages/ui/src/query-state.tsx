// One component for what a view shows until it has data: loading, failed (with a retry) or empty (with what to
// do next), else the view itself; for a query's result (QueryState) or any data a view was given (Loaded).
// A view that has data keeps it when a later refresh fails (the failure is said above it): a live update's
// refetch never unmounts a form, what was typed in it, or what it showed once (an invitation's accept link).
import type { ReactNode } from "react";
import { EmptyState, ErrorState, LoadingState } from "./states.tsx";

/** What an empty answer says: a title and what to do next; `when` says what is empty (default: no items). */
export interface EmptyProps<T> {
  readonly title: string;
  readonly hint?: ReactNode;
  readonly when?: (data: T) => boolean;
}

export interface LoadedProps<T> {
  /** Undefined while it loads. */
  readonly data: T | undefined;
  readonly error?: unknown;
  readonly onRetry?: (() => void) | undefined;
  /** What the loading state says (default "Loading…"). */
  readonly loading?: string;
  /** Without it, an empty answer is shown like any other. */
  readonly empty?: EmptyProps<T>;
  /** The view once there is data; omitted where a page returns this only while it has none (an early return). */
  readonly children?: (data: T) => ReactNode;
}

const noItems = (data: unknown): boolean => Array.isArray(data) && data.length === 0;

export const Loaded = <T,>({ data, error, onRetry, loading, empty, children }: LoadedProps<T>) => {
  // Said above data already shown: the refresh failed, not the view.
  const title = data === undefined ? "Could not load this" : "Could not refresh this";
  const failure =
    error === undefined || error === null ? null : onRetry === undefined ? (
      <ErrorState error={error} title={title} />
    ) : (
      <ErrorState error={error} onRetry={onRetry} title={title} />
    );
  if (data === undefined) {
    if (failure !== null) return failure;
    return loading === undefined ? <LoadingState /> : <LoadingState label={loading} />;
  }
  const view =
    empty !== undefined && (empty.when ?? noItems)(data) ? (
      <EmptyState title={empty.title}>{empty.hint}</EmptyState>
    ) : (
      children?.(data)
    );
  return (
    <>
      {failure}
      {view}
    </>
  );
};

/** The part of a TanStack Query result QueryState reads. */
export interface QueryLike<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly refetch: () => unknown;
}

export interface QueryStateProps<T> extends Omit<LoadedProps<T>, "data" | "error" | "onRetry"> {
  readonly query: QueryLike<T>;
}

/** A query's view: its loading, error (retry refetches) and empty states, else `children(data)`. */
export const QueryState = <T,>({ query, ...rest }: QueryStateProps<T>) => (
  <Loaded data={query.data} error={query.error} onRetry={() => void query.refetch()} {...rest} />
);
