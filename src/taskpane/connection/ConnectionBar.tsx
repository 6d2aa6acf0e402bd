import * as React from "react";
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { CloudRegular, DesktopRegular } from "@fluentui/react-icons";
import { de, en } from "./connection-strings";
import { normalizeServerUrl, ServerCallError } from "./server-connection";
import type { ConnectionState } from "./use-connection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  what: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

/**
 * The *Verbindung* setting at the top of the pane: local (the default) or a team server with login.
 * Collapsed it names where the data is; "Ändern" opens the form.
 */
export function ConnectionBar({ connection, language }: { connection: ConnectionState; language: "de" | "en" }): React.ReactElement {
  const styles = useStyles();
  const t = language === "de" ? de : en;
  const { server } = connection;
  const [open, setOpen] = React.useState(false);
  const [mode, setMode] = React.useState<"local" | "server">(server ? "server" : "local");
  const [url, setUrl] = React.useState(server?.url ?? "");
  const [user, setUser] = React.useState(server?.saved.user ?? "");
  const [password, setPassword] = React.useState("");
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  const login = async () => {
    const address = normalizeServerUrl(url);
    if (!address) return setError(t.badUrl);
    setBusy(true);
    setError(null);
    try {
      await connection.login(address, user.trim(), password);
      setPassword("");
      setOpen(false);
    } catch (e) {
      setError(e instanceof ServerCallError && e.status === 0 ? t.unreachable(address) : t.loginFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  const logout = async () => {
    setBusy(true);
    try {
      await connection.logout();
      setMode("local");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-label={t.label} data-testid="connection">
      <div className={styles.line}>
        {server ? <CloudRegular /> : <DesktopRegular />}
        <Caption1 className={styles.what} data-testid="connection-status">
          {t.label}: {server ? t.connectedAs(server.saved.user, server.saved.role, server.url) : t.local}
        </Caption1>
        {server ? (
          <Button size="small" disabled={busy} onClick={() => void logout()} data-testid="connection-logout">
            {t.logout}
          </Button>
        ) : (
          <Button size="small" appearance="subtle" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="connection-change">
            {open ? t.close : t.change}
          </Button>
        )}
      </div>
      {server && <Caption1>{t.notOnServer}</Caption1>}
      {open && !server && (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            void login();
          }}
        >
          <RadioGroup layout="horizontal" value={mode} onChange={(_e, d) => setMode(d.value as "local" | "server")} aria-label={t.label}>
            <Radio value="local" label={t.local} data-testid="connection-local" />
            <Radio value="server" label={t.server} data-testid="connection-server" />
          </RadioGroup>
          {mode === "local" ? (
            <Caption1>{t.localHint}</Caption1>
          ) : (
            <>
              <Field label={t.serverUrl} size="small">
                <Input type="url" size="small" value={url} onChange={(_e, d) => setUrl(d.value)} placeholder="https://msp.example.de" data-testid="connection-url" />
              </Field>
              <Field label={t.user} size="small">
                <Input size="small" value={user} onChange={(_e, d) => setUser(d.value)} autoComplete="username" data-testid="connection-user" />
              </Field>
              <Field label={t.password} size="small">
                <Input type="password" size="small" value={password} onChange={(_e, d) => setPassword(d.value)} autoComplete="current-password" data-testid="connection-password" />
              </Field>
              {error && (
                <MessageBar intent="error" data-testid="connection-error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              <div className={styles.buttons}>
                <Button type="submit" appearance="primary" size="small" disabled={busy || !url || !user || !password} data-testid="connection-login">
                  {t.login}
                </Button>
              </div>
            </>
          )}
        </form>
      )}
    </section>
  );
}
