/** Strings of the pane's *Verbindung* (connection) setting, German and English. */
export interface ConnectionStrings {
  label: string;
  local: string;
  localHint: string;
  server: string;
  serverUrl: string;
  user: string;
  password: string;
  login: string;
  logout: string;
  change: string;
  close: string;
  connectedAs(user: string, role: string, url: string): string;
  badUrl: string;
  loginFailed(detail: string): string;
  unreachable(url: string): string;
  notOnServer: string;
}

export const de: ConnectionStrings = {
  label: "Verbindung",
  local: "Lokal (dieser Rechner)",
  localHint: "Die Daten liegen im Speicher dieses Add-ins auf diesem Rechner.",
  server: "Team-Server",
  serverUrl: "Server-Adresse",
  user: "Benutzer",
  password: "Kennwort",
  login: "Anmelden",
  logout: "Abmelden",
  change: "Ändern",
  close: "Schließen",
  connectedAs: (user, role, url) => `${user} (${role}) auf ${url}`,
  badUrl: "Bitte eine Adresse mit https:// (oder http:// im eigenen Netz) angeben.",
  loginFailed: (detail) => `Anmeldung abgelehnt: ${detail}`,
  unreachable: (url) => `Der Server ${url} ist nicht erreichbar.`,
  notOnServer: "Mit dem Team-Server laufen Stammdaten-Import, Abgleich, Übernahme, Rückgängig, Abrechnung und Export auf dem Server; die übrigen Schritte nur lokal.",
};

export const en: ConnectionStrings = {
  label: "Connection",
  local: "Local (this computer)",
  localHint: "The data is kept in this add-in's storage on this computer.",
  server: "Team server",
  serverUrl: "Server address",
  user: "User",
  password: "Password",
  login: "Log in",
  logout: "Log out",
  change: "Change",
  close: "Close",
  connectedAs: (user, role, url) => `${user} (${role}) on ${url}`,
  badUrl: "Enter an address starting with https:// (or http:// on your own network).",
  loginFailed: (detail) => `Login refused: ${detail}`,
  unreachable: (url) => `The server ${url} cannot be reached.`,
  notOnServer: "With the team server, master data import, reconciliation, apply, undo, billing and export run on the server; the other steps only locally.",
};
