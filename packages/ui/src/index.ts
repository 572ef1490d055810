// @gatehouse/ui: the kit the three apps share, on Mantine, TanStack Table and TanStack Virtual: provider,
// shell and breadcrumbs, data table and keyset pager, confirmations, toasts, states, forms and "Why?".
export {
  type AccessRequestStatus,
  partnerRoleName,
  requestPathLabel,
  requestStatusColor,
  requestStatusLabel,
} from "./access-request-words.ts";
export { type Crumb, Crumbs, type NavItem, Shell, type ShellProps } from "./app-shell.tsx";
export { type ConfirmOptions, confirm } from "./confirm.tsx";
export { ConfirmButton, type ConfirmButtonProps } from "./confirm-button.tsx";
export { type ConfirmedMutationOptions, useConfirmedMutation } from "./confirmed-mutation.ts";
export { CursorPager, type CursorPagerProps, useCursorPages } from "./cursor-pager.tsx";
export { type Column, DataTable, type DataTableProps, type DataTableSorting } from "./data-table.tsx";
export {
  type ExpandableColumn,
  ExpandableTable,
  type ExpandableTableProps,
} from "./expandable-table.tsx";
export { Guarded, type GuardedProps, WhyLink, WhyPopover, type WhyPopoverProps } from "./guarded.tsx";
export { GuardedCall, type GuardedCallProps, WhyRefused } from "./guarded-call.tsx";
export { localDateTimeValue } from "./local-time.ts";
export { actionsOn, type ServedAction } from "./platform-actions.ts";
export {
  type EmptyProps,
  Loaded,
  type LoadedProps,
  type QueryLike,
  QueryState,
  type QueryStateProps,
} from "./query-state.tsx";
export { useSchemaForm } from "./schema-form.ts";
export { PagedTable, type PagedTableProps, useSearchedPages } from "./searched-pages.tsx";
export { SignInPage } from "./sign-in-page.tsx";
export { type AppRoute, SignedInApp, type SignedInAppProps } from "./signed-in-app.tsx";
export { nextSort, type Sort, SortableHeader, type SortDirection } from "./sortable-header.tsx";
export { startApp } from "./start-app.tsx";
export { EmptyState, ErrorState, LoadingState } from "./states.tsx";
export { toast } from "./toasts.ts";
export { UiProvider } from "./ui-provider.tsx";
export {
  type RemovalScope,
  type RemovalWords,
  type UserRef,
  useDeleteFromPlace,
  useRemoveAccess,
  useRemoveFromAccount,
} from "./user-mutations.ts";
export { VirtualList, type VirtualListProps } from "./virtual-list.tsx";
export { WhyPanel } from "./why-panel.tsx";
