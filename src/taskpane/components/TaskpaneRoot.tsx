import * as React from "react";
import { AriaLiveAnnouncer, FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { HostProvider, type TaskpaneHost } from "../host";
import { StringsProvider, stringsFor } from "../i18n";
import { App, type AppProps } from "./App";

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
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={className} style={{ minHeight: "100%", colorScheme: dark ? "dark" : "light" }}>
      <AriaLiveAnnouncer>
        <StringsProvider value={strings}>
          <HostProvider value={host}>
            <App {...app} />
          </HostProvider>
        </StringsProvider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
