/**
 * The demo workbook, rendered: sheet tabs, a formula bar to edit the selected cell (drop-down cells
 * offer their list), sort and filter for table columns, and the grid with row and column headers,
 * fills, hidden (filtered) rows and the frozen header. It shows exactly what the in-memory workbook
 * holds, so everything the task pane writes can be checked here.
 */
import * as React from "react";
import { Button, Input, Select, Tab, TabList, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowSortDownRegular, ArrowSortUpRegular, FilterDismissRegular, FilterRegular } from "@fluentui/react-icons";
import { parseA1, rectToA1 } from "../excel/a1";
import { columnLetter } from "../io/table/raw-table";
import { displayText, editText, isNumeric, type Locale } from "./cell-format";
import type { PreviewEnv } from "./preview-env";

const MAX_ROWS = 400;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minHeight: 0, backgroundColor: "#ffffff", color: "#1f1f1f" },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "6px", padding: "6px 8px", borderBottom: "1px solid #d1d1d1", backgroundColor: "#f5f5f5" },
  nameBox: { width: "80px" },
  content: { flexGrow: 1, minWidth: "160px" },
  error: { color: "#a4262c", fontSize: tokens.fontSizeBase200, width: "100%" },
  gridWrap: { flexGrow: 1, overflow: "auto", minHeight: 0 },
  grid: { borderCollapse: "separate", borderSpacing: 0, fontFamily: "Calibri, 'Segoe UI', Arial, sans-serif", fontSize: "13px" },
  corner: { position: "sticky", top: 0, left: 0, zIndex: 3, backgroundColor: "#e6e6e6", borderRight: "1px solid #c8c8c8", borderBottom: "1px solid #c8c8c8", minWidth: "36px" },
  colHead: { position: "sticky", top: 0, zIndex: 2, backgroundColor: "#e6e6e6", borderRight: "1px solid #d4d4d4", borderBottom: "1px solid #c8c8c8", fontWeight: 400, color: "#444", padding: "1px 4px" },
  rowHead: { position: "sticky", left: 0, zIndex: 1, backgroundColor: "#e6e6e6", borderRight: "1px solid #c8c8c8", borderBottom: "1px solid #d4d4d4", color: "#444", textAlign: "right", padding: "1px 4px" },
  cell: { borderRight: "1px solid #e1e1e1", borderBottom: "1px solid #e1e1e1", padding: "1px 6px", whiteSpace: "nowrap", maxWidth: "260px", overflow: "hidden", textOverflow: "ellipsis", cursor: "cell", height: "20px" },
  number: { textAlign: "right" },
  header: { fontWeight: 700, backgroundColor: "#dce6f1" },
  frozen: { position: "sticky", top: "21px", zIndex: 1 },
  selected: { outline: "2px solid #107c41", outlineOffset: "-2px" },
  tabs: { borderTop: "1px solid #d1d1d1", backgroundColor: "#f5f5f5", overflowX: "auto" },
});

interface Selection {
  sheet: string;
  row: number;
  col: number;
}

export function WorkbookView({ env, locale, labels }: { env: PreviewEnv; locale: Locale; labels: WorkbookLabels }): React.ReactElement {
  const styles = useStyles();
  const wb = env.workbook;
  const [, setVersion] = React.useState(0);
  React.useEffect(() => env.subscribe(() => setVersion((v) => v + 1)), [env]);
  const active = wb.activeSheetName;
  const [selection, setSelection] = React.useState<Selection>({ sheet: active, row: 0, col: 0 });
  // A selection made through the gateway (a cell link in the pane) moves the rendered one too.
  const selected = wb.selectedAddress;
  React.useEffect(() => {
    const { sheet: name, rect } = wb.selection;
    setSelection({ sheet: name.name, row: rect.row, col: rect.col });
  }, [selected]);
  const sel = selection.sheet === active ? selection : { sheet: active, row: 0, col: 0 };
  const sheet = wb.sheet(active);
  const address = `${columnLetter(sel.col)}${sel.row + 1}`;
  const cell = sheet.cell(sel.row, sel.col);
  const [draft, setDraft] = React.useState<string | null>(null);
  const [nameBox, setNameBox] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const list = wb.validationList(active, address);
  const table = wb.tables.find((t) => t.sheet === sheet && sel.row >= t.rect.row && sel.row < t.rect.row + t.rect.rows && sel.col >= t.rect.col && sel.col < t.rect.col + t.rect.cols);
  const header = table ? String(sheet.cell(table.rect.row, sel.col)?.value ?? "") : "";

  const select = (row: number, col: number) => {
    setSelection({ sheet: active, row, col });
    setDraft(null);
    setError(null);
  };
  const commit = (text: string) => {
    try {
      wb.typeInto(active, address, text);
      setError(null);
      setDraft(null);
      env.notify();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const goTo = (text: string) => {
    const rect = parseA1(text.trim().toUpperCase());
    if (rect) select(rect.row, rect.col);
    else setError(labels.badAddress(text));
    setNameBox(null);
  };
  const tableAction = (fn: () => void) => {
    fn();
    env.notify();
  };

  const used = sheet.usedRect(false);
  const rows = Math.min(MAX_ROWS, Math.max(20, used ? used.row + used.rows + 2 : 0));
  const cols = Math.max(8, used ? used.col + used.cols + 1 : 0);
  const frozen = sheet.frozenRows;
  const headerRows = new Set(wb.tables.filter((t) => t.sheet === sheet).map((t) => t.rect.row));
  const inTableHeader = (r: number, c: number) => wb.tables.some((t) => t.sheet === sheet && t.rect.row === r && c >= t.rect.col && c < t.rect.col + t.rect.cols);
  const visibleSheets = wb.sheets.filter((s) => s.visibility === "Visible");

  return (
    <div className={styles.root} data-testid="workbook" data-active-sheet={active}>
      <div className={styles.bar}>
        <Input
          className={styles.nameBox}
          aria-label={labels.nameBox}
          value={nameBox ?? address}
          onChange={(_, d) => setNameBox(d.value)}
          onKeyDown={(e) => e.key === "Enter" && goTo(nameBox ?? address)}
          onBlur={() => setNameBox(null)}
          data-testid="name-box"
        />
        {list ? (
          <Select
            className={styles.content}
            aria-label={labels.cellContent(address)}
            value={editText(cell, locale)}
            onChange={(_, d) => commit(d.value)}
            data-testid="cell-select"
          >
            {!list.some((i) => i === editText(cell, locale)) && <option value={editText(cell, locale)}>{editText(cell, locale)}</option>}
            {list.map((item) => (
              <option key={item} value={item}>
                {item}
              </option>
            ))}
          </Select>
        ) : (
          <Input
            className={styles.content}
            aria-label={labels.cellContent(address)}
            value={draft ?? editText(cell, locale)}
            onChange={(_, d) => setDraft(d.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") commit(draft ?? editText(cell, locale));
              if (e.key === "Escape") setDraft(null);
            }}
            data-testid="cell-input"
          />
        )}
        {table && header && (
          <>
            <Button size="small" icon={<ArrowSortUpRegular />} aria-label={labels.sortAsc(header)} title={labels.sortAsc(header)} onClick={() => tableAction(() => wb.sortTable(table.name, header, "asc"))} />
            <Button size="small" icon={<ArrowSortDownRegular />} aria-label={labels.sortDesc(header)} title={labels.sortDesc(header)} onClick={() => tableAction(() => wb.sortTable(table.name, header, "desc"))} />
            <Button
              size="small"
              icon={<FilterRegular />}
              aria-label={labels.filterValue(header)}
              title={labels.filterValue(header)}
              onClick={() => {
                const value = displayText(cell, locale);
                tableAction(() => wb.filterTable(table.name, header, (t) => t === String(cell?.value ?? "") || t === value));
              }}
            />
            <Button size="small" icon={<FilterDismissRegular />} aria-label={labels.clearFilter} title={labels.clearFilter} onClick={() => tableAction(() => wb.filterTable(table.name, header, () => true))} />
          </>
        )}
        {error && (
          <div className={styles.error} role="alert" data-testid="workbook-error">
            {error}
          </div>
        )}
      </div>
      <div className={styles.gridWrap}>
        <table className={styles.grid} aria-label={labels.grid(active)} data-testid="grid">
          <thead>
            <tr>
              <th className={styles.corner} aria-hidden />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={styles.colHead} scope="col">
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => {
              if (sheet.hiddenRows.has(r)) return null;
              const sticky = r < frozen;
              return (
                <tr key={r}>
                  <th className={mergeClasses(styles.rowHead, sticky && styles.frozen)} scope="row">
                    {r + 1}
                  </th>
                  {Array.from({ length: cols }, (_, c) => {
                    const model = sheet.cell(r, c);
                    const a1 = rectToA1({ row: r, col: c, rows: 1, cols: 1 });
                    const classes = mergeClasses(styles.cell, isNumeric(model) && styles.number, headerRows.has(r) && inTableHeader(r, c) && styles.header, sticky && styles.frozen, sel.row === r && sel.col === c && styles.selected);
                    return (
                      <td
                        key={c}
                        className={classes}
                        style={model?.fill ? { backgroundColor: model.fill } : sticky && !(headerRows.has(r) && inTableHeader(r, c)) ? { backgroundColor: "#ffffff" } : undefined}
                        data-cell={a1}
                        title={displayText(model, locale) || undefined}
                        onClick={() => select(r, c)}
                      >
                        {displayText(model, locale)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className={styles.tabs}>
        <TabList
          size="small"
          selectedValue={active}
          aria-label={labels.sheets}
          onTabSelect={(_, d) => {
            const target = wb.sheets.find((s) => s.name === d.value);
            if (target) {
              wb.activate(target);
              env.notify();
            }
          }}
        >
          {visibleSheets.map((s) => (
            <Tab key={s.name} value={s.name} data-sheet={s.name}>
              {s.name}
            </Tab>
          ))}
        </TabList>
      </div>
    </div>
  );
}

export interface WorkbookLabels {
  nameBox: string;
  cellContent(address: string): string;
  badAddress(text: string): string;
  sortAsc(column: string): string;
  sortDesc(column: string): string;
  filterValue(column: string): string;
  clearFilter: string;
  grid(sheet: string): string;
  sheets: string;
}
