/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * A cell named in a message is a link that flows with the message's text (a span, so no line
 * break can fall between the link and the ": …" after it) and still works by keyboard.
 */
import { act } from "react";
import { issue } from "../../../src/core/issues";
import { IssueBars } from "../../../src/taskpane/components/common/IssueBars";
import { MemoryWorkbook } from "../../../src/excel/memory/memory-workbook";
import { testContext } from "../../support/fixtures";
import { byTestId, renderPane, until } from "../flow/pane-harness";

describe("a cell link in a message", () => {
  it("is an inline span followed directly by the colon, focusable, and Enter selects the cell", async () => {
    const wb = new MemoryWorkbook({ locale: "de" });
    wb.setValues("Abgleich 2026-10 MS NCE", "A1", [["a"], ["b"], ["c"], ["d"]]);
    const bad = issue("parse.invalid_date", { value: "31.02.2026" }, { cell: "Abgleich 2026-10 MS NCE!A4" });
    const pane = await renderPane(await testContext(), <IssueBars issues={[bad]} />, { wb });
    const link = byTestId(pane.container, "issues").querySelector<HTMLElement>('[data-testid="cell-link"]')!;
    expect(link.tagName).toBe("SPAN");
    expect(link.getAttribute("role")).toBe("button");
    expect(link.tabIndex).toBe(0);
    expect(link.textContent).toBe("Abgleich 2026-10 MS NCE!A4");
    // The text node right after the link starts with the colon: one run of text, no element between.
    expect(link.nextSibling?.nodeType).toBe(Node.TEXT_NODE);
    expect(link.nextSibling!.textContent).toMatch(/^: „31\.02\.2026“/);
    await act(async () => {
      link.focus();
      link.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    });
    await until(() => expect(pane.wb.selectedAddress).toBe("Abgleich 2026-10 MS NCE!A4"));
    pane.unmount();
  });
});
