/**
 * Tells the pane's other areas that the saved vendor profiles changed (the profile editor in the
 * Abgleich area saved one), so the Stammdaten list shows it without a reload.
 */
const listeners = new Set<() => void>();

/** Calls `listener` after every change; returns the unsubscribe function. */
export function onProfilesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function profilesChanged(): void {
  for (const l of listeners) l();
}
