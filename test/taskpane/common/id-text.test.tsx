/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Batch and run ids in the pane's results (`Stapel apply-00002`): one unbroken, monospace piece with
 * the full id as its tooltip, so at 350 px "(Stapel apply-" / "00002)" no longer wraps at the hyphen;
 * the text reads (and copies) as before. The browser walk checks the line box at 350 px.
 */
import { issue } from "../../../src/core/issues";
import { FactList } from "../../../src/taskpane/components/common/FactList";
import { IssueBars } from "../../../src/taskpane/components/common/IssueBars";
import { Notice } from "../../../src/taskpane/components/common/Notice";
import { stringsFor } from "../../../src/taskpane/i18n";
import { testContext } from "../../support/fixtures";
import { byTestId, renderPane } from "../flow/pane-harness";

const ids = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('[data-testid="id"]')].map((s) => [s.textContent, s.title]);

describe("ids in the pane's texts", () => {
  it("a notice's batch and run ids are unbroken pieces with their tooltip; the text is unchanged", async () => {
    const text = stringsFor("de").reconcile.mappingsSaved(2, "apply-00002");
    const pane = await renderPane(
      await testContext(),
      <>
        <Notice testId="saved">{text}</Notice>
        <Notice testId="run">{stringsFor("de").billing.undone("run-00012", 3)}</Notice>
        <Notice testId="plain">Nichts zu übernehmen.</Notice>
      </>,
    );
    const saved = byTestId(pane.container, "saved");
    expect(saved.textContent).toBe(text);
    expect(ids(saved)).toEqual([["apply-00002", "apply-00002"]]);
    const span = saved.querySelector<HTMLElement>('[data-testid="id"]')!;
    // The text around it stays plain text: "(Stapel " before, ")." after.
    expect(span.previousSibling?.textContent).toMatch(/\(Stapel $/);
    expect(span.nextSibling?.textContent).toMatch(/^\)\. /);
    expect(ids(byTestId(pane.container, "run"))).toEqual([["run-00012", "run-00012"]]);
    expect(ids(byTestId(pane.container, "plain"))).toEqual([]);
    pane.unmount();
  });

  it("in a fact list and in a problem's text too", async () => {
    const pane = await renderPane(
      await testContext(),
      <>
        <FactList testId="facts" facts={[["Stapel", "master-00003"], ["Zeilen", "12"]]} />
        <IssueBars issues={[issue("review.batch_already_undone", { batch: "apply-00004" })]} />
      </>,
    );
    expect(ids(byTestId(pane.container, "facts"))).toEqual([["master-00003", "master-00003"]]);
    expect(ids(byTestId(pane.container, "issues"))).toEqual([["apply-00004", "apply-00004"]]);
    expect(byTestId(pane.container, "issues").textContent).toContain("Stapel apply-00004 wurde bereits rückgängig gemacht.");
    pane.unmount();
  });
});
