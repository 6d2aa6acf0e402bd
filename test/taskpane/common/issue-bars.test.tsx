/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * The same problem reported by several rows (an unknown article named by every usage row that uses
 * it) is one bar; problems that differ in what or where stay apart.
 */
import { issue } from "../../../src/core/issues";
import { IssueBars } from "../../../src/taskpane/components/common/IssueBars";
import { testContext } from "../../support/fixtures";
import { byTestId, renderPane } from "../flow/pane-harness";

describe("IssueBars", () => {
  it("shows a repeated issue once, keeps different ones", async () => {
    const unknown = () => issue("time.unknown_article", { article: "AZURE" }, undefined, "warning");
    const pane = await renderPane(
      await testContext(),
      <IssueBars issues={[unknown(), unknown(), unknown(), issue("time.unknown_article", { article: "M365" }, undefined, "warning"), issue("parse.required", {}, { source: "a.csv", row: 2, column: "x" }), issue("parse.required", {}, { source: "a.csv", row: 3, column: "x" })]} />,
    );
    const bars = [...byTestId(pane.container, "issues").querySelectorAll(".fui-MessageBar")].map((b) => b.textContent ?? "");
    expect(bars).toHaveLength(4);
    expect(bars.filter((t) => t.includes("AZURE"))).toHaveLength(1);
    pane.unmount();
  });
});
