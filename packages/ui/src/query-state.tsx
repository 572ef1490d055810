// One component for what a view shows until it has data: loading, failed (with a retry) or empty (with what to
// do next), else the view itself; for a query's result (QueryState) or any data a view was given (Loaded).
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
  if (error !== undefined && error !== null)
    return onRetry === undefined ? (
      <ErrorState error={error} />
    ) : (
      <ErrorState error={error} onRetry={onRetry} />
    );
  if (data === undefined) return loading === undefined ? <LoadingState /> : <LoadingState label={loading} />;
  if (empty !== undefined && (empty.when ?? noItems)(data))
    return <EmptyState title={empty.title}>{empty.hint}</EmptyState>;
  return <>{children?.(data)}</>;
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
