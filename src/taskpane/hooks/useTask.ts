import * as React from "react";
import type { Issue } from "../../core/issues";
import { unexpectedIssue } from "../issues";

/** What a long-running step shows: its label and how far it is (total null: unknown). */
export interface TaskProgressState {
  label: string;
  done: number;
  total: number | null;
}

export interface TaskControl {
  signal: AbortSignal;
  /** Reports progress; a new label switches the phase (e.g. from reading to writing). */
  progress(done: number, total: number | null, label?: string): void;
}

export type TaskOutcome<T> = { status: "done"; value: T } | { status: "cancelled" } | { status: "failed"; issue: Issue };

/** True when the task finished; a cancel or a failure is handed to the area's own way of showing it. */
export function settleOutcome<T>(outcome: TaskOutcome<T>, onCancelled: () => void, onFailed: (issue: Issue) => void): outcome is { status: "done"; value: T } {
  if (outcome.status === "cancelled") onCancelled();
  if (outcome.status === "failed") onFailed(outcome.issue);
  return outcome.status === "done";
}

/**
 * Runs one piece of long work at a time with a progress bar and a Cancel button: the work gets an
 * AbortSignal and a progress callback; an exception becomes an issue to show (never only a console
 * log); a cancel is reported as such.
 */
export function useTask() {
  const [progress, setProgress] = React.useState<TaskProgressState | null>(null);
  const controller = React.useRef<AbortController | null>(null);
  const frame = React.useRef<{ pending: TaskProgressState | null; timer: ReturnType<typeof setTimeout> | null }>({ pending: null, timer: null });

  const run = React.useCallback(async <T>(label: string, work: (control: TaskControl) => Promise<T>): Promise<TaskOutcome<T>> => {
    if (controller.current) return { status: "cancelled" };
    const ac = new AbortController();
    controller.current = ac;
    let current = label;
    setProgress({ label, done: 0, total: null });
    // Progress can come thousands of times a second (chunked writes, parsing): show it at most every 80 ms.
    const progressFn = (done: number, total: number | null, next?: string) => {
      if (next) current = next;
      frame.current.pending = { label: current, done, total };
      if (frame.current.timer === null) {
        frame.current.timer = setTimeout(() => {
          frame.current.timer = null;
          if (controller.current === ac && frame.current.pending) setProgress(frame.current.pending);
        }, next ? 0 : 80);
      }
    };
    try {
      const value = await work({ signal: ac.signal, progress: progressFn });
      if (ac.signal.aborted) return { status: "cancelled" };
      return { status: "done", value };
    } catch (error) {
      if (ac.signal.aborted) return { status: "cancelled" };
      return { status: "failed", issue: unexpectedIssue(error) };
    } finally {
      controller.current = null;
      if (frame.current.timer !== null) clearTimeout(frame.current.timer);
      frame.current = { pending: null, timer: null };
      setProgress(null);
    }
  }, []);

  const cancel = React.useCallback(() => controller.current?.abort(), []);

  return { progress, running: progress !== null, run, cancel };
}
