/**
 * Which rendered buttons are primary (Fluent's brand appearance). Griffel's atomic class names are
 * a hash of each style, so a reference primary and secondary Button rendered once tell the classes
 * only a primary button has; a button is primary when it has all of them.
 */
import { act } from "react";
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";

let primaryOnly: string[] | null = null;

async function primaryClasses(): Promise<string[]> {
  if (primaryOnly) return primaryOnly;
  const box = document.createElement("div");
  document.body.appendChild(box);
  const root = createRoot(box);
  await act(async () => {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <Button appearance="primary">p</Button>
        <Button appearance="secondary">s</Button>
      </FluentProvider>,
    );
  });
  const [p, s] = [...box.querySelectorAll("button")].map((b) => new Set(b.classList));
  primaryOnly = [...p!].filter((c) => !s!.has(c) && !c.startsWith("___"));
  act(() => root.unmount());
  box.remove();
  if (primaryOnly.length === 0) throw new Error("no class tells a primary button here");
  return primaryOnly;
}

/** Texts of the enabled primary buttons in `container`, in document order. */
export async function primaryButtons(container: HTMLElement): Promise<string[]> {
  const classes = await primaryClasses();
  return [...container.querySelectorAll<HTMLButtonElement>("button")].filter((b) => !b.disabled && classes.every((c) => b.classList.contains(c))).map((b) => (b.textContent ?? "").trim());
}

/** Waits (in act, untimed: a bounded number of turns) until the primary buttons are `expected`, else fails showing them. */
export async function expectPrimary(container: HTMLElement, expected: string[]): Promise<void> {
  let seen: string[] = [];
  for (let i = 0; i < 100; i++) {
    seen = await primaryButtons(container);
    if (JSON.stringify(seen) === JSON.stringify(expected)) return;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 5));
    });
  }
  expect(seen).toEqual(expected);
}
