import * as React from "react";
import { AriaLiveAnnouncer, FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { HostProvider, type TaskpaneHost } from "../host";
import { StringsProvider, stringsFor } from "../i18n";
import { App, type AppProps } from "./App";
import { ConnectionBar } from "../connection/ConnectionBar";
import { ConnectionContext, useConnection } from "../connection/use-connection";

export interface TaskpaneRootProps extends AppProps {
  host: TaskpaneHost;
  dark: boolean;
  className?: string;
}

/**
 * The whole pane: theme (from Office's theme; `color-scheme` too, so native controls such as the
 * month picker match), strings (from Office's language), host, announcer.
 */
export function TaskpaneRoot({ host, dark, className, ...app }: TaskpaneRootProps): React.ReactElement {
  const strings = React.useMemo(() => stringsFor(host.language), [host.language]);
  const connection = useConnection(host);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={className} style={{ minHeight: "100%", colorScheme: dark ? "dark" : "light" }}>
      <AriaLiveAnnouncer>
        <StringsProvider value={strings}>
          <ConnectionContext.Provider value={connection}>
            <HostProvider value={connection.host}>
              <ConnectionBar connection={connection} language={host.language} />
              {/* A new connection is a new store: every area starts afresh. */}
              <App key={connection.server ? `server:${connection.server.url}:${connection.server.saved.user}` : "local"} {...app} />
            </HostProvider>
          </ConnectionContext.Provider>
        </StringsProvider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
