import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Lets a wide table scroll sideways on narrow screens. While it actually overflows it can take
 * keyboard focus (so it can be scrolled with the arrow keys) and is named after the table.
 * Positioned, so that absolutely positioned parts of the table (visually hidden texts) are clipped with it
 * rather than widening the page.
 */
export function TableScroll({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOverflowing(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      style={{ overflowX: "auto", position: "relative", maxWidth: "100%" }}
      {...(overflowing ? { tabIndex: 0, role: "region", "aria-label": label } : {})}
    >
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
