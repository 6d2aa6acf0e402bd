/**
 * One primary button per area (issue 20): the button of the next step. Abgleich and Abrechnung
 * derive that step from their view (`nextStep` in ReconcileArea, `next` in BillingArea) and each
 * button is `appearance={next === step ? "primary" : "secondary"}`. Einkauf, Zeiten/Zähler and
 * Stammdaten do the same; their sections keep their own state, so the area records here what the
 * clerk last did (a step that succeeded, a batch undone) and which form holds unsaved typing, and a
 * pure function per area (`purchase/next-step.ts`, `usage/next-step.ts`, `master/next-step.ts`)
 * turns that record into the step.
 */
import * as React from "react";

export interface FlowState<Done extends string, Next extends string, Form extends string> {
  /** The last step that succeeded in this session (null: nothing yet). */
  last: Done | null;
  /** A batch undone: its step is the one to do again. */
  again: Next | null;
  /** Forms with unsaved typing, the one typed into latest last. */
  editing: readonly Form[];
}

/** What a section reports to its area. */
export interface FlowEvents<Done extends string, Next extends string, Form extends string> {
  done(step: Done): void;
  undone(step: Next): void;
  editing(form: Form, dirty: boolean): void;
}

export function emptyFlow<Done extends string, Next extends string, Form extends string>(): FlowState<Done, Next, Form> {
  return { last: null, again: null, editing: [] };
}

/** The area's record of the session and the events that change it (stable across renders). */
export function useFlow<Done extends string, Next extends string, Form extends string = never>(): [FlowState<Done, Next, Form>, FlowEvents<Done, Next, Form>] {
  const [state, setState] = React.useState<FlowState<Done, Next, Form>>(emptyFlow);
  const events = React.useMemo<FlowEvents<Done, Next, Form>>(
    () => ({
      done: (step) => setState((s) => ({ ...s, last: step, again: null })),
      undone: (step) => setState((s) => ({ ...s, again: step })),
      editing: (form, dirty) =>
        setState((s) => {
          const has = s.editing.includes(form);
          if (has === dirty) return s;
          return { ...s, editing: dirty ? [...s.editing, form] : s.editing.filter((f) => f !== form) };
        }),
    }),
    [],
  );
  return [state, events];
}

/**
 * The next step of an area: a form with unsaved typing (the clerk is at it: its save), else a step
 * whose batch was undone (do it again), else what follows the last step done (`after.start` when
 * nothing was done yet).
 */
export function nextOf<Done extends string, Next extends string, Form extends string>(
  flow: FlowState<Done, Next, Form>,
  after: Readonly<Record<Done | "start", Next | null>>,
  save: Readonly<Record<Form, Next>>,
): Next | null {
  const form = flow.editing.at(-1);
  if (form !== undefined) return save[form];
  if (flow.again !== null) return flow.again;
  return after[flow.last ?? "start"];
}

/** Tells the area whether a form holds unsaved typing (and that it holds none once it is gone). */
export function useReportEditing<Form extends string>(report: ((form: Form, dirty: boolean) => void) | undefined, form: Form, dirty: boolean): void {
  React.useEffect(() => {
    report?.(form, dirty);
  }, [report, form, dirty]);
  React.useEffect(() => () => report?.(form, false), [report, form]);
}

/** A form's typed values differ from what it was filled with (compared as JSON: forms hold strings, booleans, lists). */
export function differs(form: unknown, baseline: unknown): boolean {
  return JSON.stringify(form) !== JSON.stringify(baseline);
}
