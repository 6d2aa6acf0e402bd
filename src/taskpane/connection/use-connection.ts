/**
 * The pane's connection state: local (the host as given: IndexedDB) or a team server (a host whose
 * store is a {@link ServerStore}, so the pane's use cases run on the server and the MSP.* lookups
 * load from it). The login survives a reload of the pane (token in localStorage, until it expires).
 */
import * as React from "react";
import { lookupIndexCache } from "../../app/lookup/lookup-index";
import { configureFunctions, functionsEnvironment } from "../../functions/environment";
import type { TaskpaneHost } from "../host";
import { ServerConnection, savedConnection } from "./server-connection";
import { ServerStore } from "./server-store";
import { setCallLanguage } from "./use-cases";

export interface ConnectionState {
  /** The host the pane works with (the local one, or the one over the server). */
  host: TaskpaneHost;
  server: ServerConnection | null;
  login(url: string, user: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

export const ConnectionContext = React.createContext<ConnectionState | null>(null);

export function useConnectionState(): ConnectionState | null {
  return React.useContext(ConnectionContext);
}

export function useConnection(base: TaskpaneHost): ConnectionState {
  const [server, setServer] = React.useState<ServerConnection | null>(() => {
    const saved = savedConnection(base.app.now());
    return saved ? new ServerConnection(saved) : null;
  });
  setCallLanguage(base.language);
  const remote = React.useMemo(() => (server ? new ServerStore(server) : null), [server]);

  React.useEffect(() => {
    if (!remote) return;
    // The worksheet functions read the server's master data while connected.
    const previous = functionsEnvironment().store;
    configureFunctions({ store: () => remote });
    const off = lookupIndexCache(remote).onInvalidate(() => base.recalculate?.());
    return () => {
      off();
      configureFunctions({ store: previous });
      void remote.close();
    };
  }, [remote, base]);

  const host = React.useMemo<TaskpaneHost>(() => {
    if (!remote) return base;
    return {
      ...base,
      app: { store: remote, now: base.app.now },
      // After a call that wrote, the server's revision moved: the lookup index reloads, Excel recalculates.
      storeChanged: () => void remote.checkRevision(),
    };
  }, [base, remote]);

  const login = React.useCallback(async (url: string, user: string, password: string) => {
    setServer(await ServerConnection.login(url, user, password));
  }, []);
  const logout = React.useCallback(async () => {
    await server?.logout();
    setServer(null);
  }, [server]);

  return { host, server, login, logout };
}
