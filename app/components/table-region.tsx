import type { ReactNode } from "react";

// A wide table's own scrolling region: named, and reachable by keyboard
// (Tab, then the arrow keys scroll it), as WCAG asks of anything that
// scrolls (axe: scrollable-region-focusable).
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
