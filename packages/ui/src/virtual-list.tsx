// A long list rendered through TanStack Virtual: only the rows in view exist in the DOM, so a list of
// thousands (a product's actions, a page of members) scrolls without cost.
import { useVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useRef } from "react";

export interface VirtualListProps<T> {
  readonly items: ReadonlyArray<T>;
  readonly height: number;
  readonly rowHeight: number;
  readonly render: (item: T, index: number) => ReactNode;
  readonly label: string;
}

export const VirtualList = <T,>({ items, height, rowHeight, render, label }: VirtualListProps<T>) => {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parent.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  return (
    <div ref={parent} style={{ height, overflow: "auto" }}>
      <ul
        aria-label={label}
        style={{
          height: virtualizer.getTotalSize(),
          position: "relative",
          margin: 0,
          padding: 0,
          listStyle: "none",
        }}
      >
        {virtualizer.getVirtualItems().map((row) => (
          <li
            key={row.key}
            style={{
              position: "absolute",
              top: 0,
              left: 0,
              width: "100%",
              transform: `translateY(${row.start}px)`,
            }}
          >
            {render(items[row.index] as T, row.index)}
          </li>
        ))}
      </ul>
    </div>
  );
};
