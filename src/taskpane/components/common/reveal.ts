import * as React from "react";

/**
 * Scrolls an element into view whenever `key` changes to something shown (not null/undefined/false):
 * a result, an error or a progress bar appears next to the button that made it, and the clerk sees
 * it without scrolling in a 350 px pane. Screen readers hear it through the MessageBar's announcer.
 */
export function useReveal<T extends HTMLElement>(key: unknown): React.RefObject<T | null> {
  const ref = React.useRef<T>(null);
  React.useEffect(() => {
    if (key === null || key === undefined || key === false) return;
    const el = ref.current;
    if (!el || typeof el.scrollIntoView !== "function") return;
    const reduce = typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollIntoView({ block: "nearest", behavior: reduce ? "auto" : "smooth" });
  }, [key]);
  return ref;
}
