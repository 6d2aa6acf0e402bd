/**
 * Ribbon commands. The only ribbon control today is the ShowTaskpane button in manifest.xml,
 * which needs no function. In the shared runtime this file runs in the task pane's page
 * (FunctionFile resid = Taskpane.Url); add `Office.actions.associate("name", handler)` here for
 * future ExecuteFunction buttons, each calling `event.completed()` when done.
 */

/* global Office */

Office.onReady(() => {
  // No ExecuteFunction commands yet.
});

export {};
