import { auditNote, auditObjectNote, auditSourceNote } from "./audit-text";
import { monthName } from "./date/iso-month";
import type { Issue } from "./issues";

export type Lang = "de" | "en";

interface Text {
  de: string;
  en: string;
}

/**
 * Every user-facing message, by issue code, in German and English. `{name}` placeholders are filled
 * from the issue's params. Modules add their codes here so all texts stay in one place.
 */
export const MESSAGES: Record<string, Text> = {
  // generic parsing
  "parse.invalid_date": { de: "„{value}“ ist kein gültiges Datum (erwartet JJJJ-MM-TT oder TT.MM.JJJJ).", en: '"{value}" is not a valid date (expected YYYY-MM-DD or DD.MM.YYYY).' },
  "parse.date_out_of_range": { de: "„{value}“ liegt außerhalb der unterstützten Daten (1900-01-01 bis 9999-12-31).", en: '"{value}" is outside the supported dates (1900-01-01 to 9999-12-31).' },
  "parse.invalid_month": { de: "„{value}“ ist kein gültiger Monat (erwartet JJJJ-MM).", en: '"{value}" is not a valid month (expected YYYY-MM).' },
  "parse.invalid_number": { de: "„{value}“ ist keine gültige Zahl.", en: '"{value}" is not a valid number.' },
  "parse.ambiguous_number": { de: "„{value}“ ist mehrdeutig und wurde als {read} gelesen; ist {other} gemeint, ohne Tausendertrennzeichen schreiben (die übrigen Zahlen der Datei zeigen kein Dezimalzeichen).", en: '"{value}" is ambiguous and was read as {read}; if {other} is meant, write it without a thousands separator (the other numbers of the file show no decimal separator).' },
  "parse.invalid_integer": { de: "„{value}“ ist keine ganze Zahl ≥ 1.", en: '"{value}" is not a whole number ≥ 1.' },
  "parse.negative_not_allowed": { de: "„{value}“ darf nicht negativ sein.", en: '"{value}" must not be negative.' },
  "parse.required": { de: "Pflichtfeld ist leer.", en: "Required value is empty." },
  "parse.invalid_choice": { de: "„{value}“ ist nicht erlaubt (erlaubt: {allowed}).", en: '"{value}" is not allowed (allowed: {allowed}).' },
  "parse.percent_range": { de: "„{value}“ muss zwischen 0 und 100 liegen.", en: '"{value}" must be between 0 and 100.' },
  "csv.empty_file": { de: "Die Datei ist leer.", en: "The file is empty." },
  "csv.no_header": { de: "Keine Kopfzeile gefunden.", en: "No header row found." },
  "csv.malformed": { de: "Die CSV-Struktur ist fehlerhaft: {detail}", en: "The CSV structure is malformed: {detail}" },
  "csv.vendor_file_not_master": { de: "Das ist eine Abrechnungsdatei des Distributors ({profile}), keine Stammdaten: sie wird im Abgleich gelesen (Task Pane: Abgleich; Kommandozeile: reconcile --file DATEI --period JJJJ-MM).", en: "This is a distributor's billing file ({profile}), not master data: it is read by reconciliation (task pane: Reconcile; command line: reconcile --file FILE --period YYYY-MM)." },
  "csv.unknown_file_kind": { de: "Dateiart nicht erkannt: die Kopfzeile passt weder zu Verträgen, Artikeln noch Zuordnungen (gefunden: {headers}).", en: "File kind not recognised: the header matches neither contracts, articles nor mappings (found: {headers})." },
  "csv.missing_column": { de: "Spalte „{column}“ fehlt.", en: 'Column "{column}" is missing.' },
  "csv.duplicate_column": { de: "Spalte „{column}“ kommt mehrfach vor.", en: 'Column "{column}" appears more than once.' },
  // master data
  "master.conflicting_version": { de: "Vertrag {contract} Position {position}: ab {validFrom} ist bereits ein anderer Stand gespeichert (Menge {storedQuantity}, Preis {storedPrice}). Ist der gespeicherte Stand falsch, die Zeile als Korrektur kennzeichnen (Spalte correction bzw. Korrektur: ja).", en: "Contract {contract} position {position}: a different state is already stored from {validFrom} (quantity {storedQuantity}, price {storedPrice}). If the stored state is wrong, mark the row as a correction (column correction: yes)." },
  "master.conflicting_contract": { de: "Vertrag {contract}: Feld {field} widerspricht einer früheren Angabe („{stored}“ statt „{value}“).", en: 'Contract {contract}: field {field} contradicts an earlier value ("{stored}" vs "{value}").' },
  "master.conflicting_start": { de: "Vertrag {contract}: Vertragsbeginn {value} widerspricht dem gespeicherten {stored}. Ist der gespeicherte falsch, die Zeile als Korrektur kennzeichnen (Spalte correction bzw. Korrektur: ja).", en: "Contract {contract}: contract start {value} contradicts the stored {stored}. If the stored one is wrong, mark the row as a correction (column correction: yes)." },
  "master.correction_not_allowed": { de: "Vertrag {contract}: Feld {field} lässt sich nicht korrigieren („{stored}“ gespeichert, „{value}“ in der Zeile), denn schon abgerechnete Monate können die Änderung nicht abbilden. Den Vertrag beenden und unter neuer Nummer anlegen.", en: 'Contract {contract}: field {field} cannot be corrected ("{stored}" stored, "{value}" in the row): months already billed cannot express the change. End the contract and enter it under a new number.' },
  "master.version_corrected": { de: "Korrektur: Vertrag {contract} Position {position} ab {validFrom}, {column} {stored} → {corrected}.", en: "Correction: contract {contract} position {position} from {validFrom}, {column} {stored} → {corrected}." },
  "master.start_corrected": { de: "Korrektur: Vertrag {contract}, Vertragsbeginn {stored} → {corrected}; der nächste Lauf berechnet die betroffenen Monate nach oder schreibt sie gut.", en: "Correction: contract {contract}, contract start {stored} → {corrected}; the next run bills the months gained or credits the months lost." },
  "master.start_earlier_uncovered": { de: "Vertrag {contract}: keine Position hat einen Stand vor dem bisherigen Beginn {stored}, die gewonnenen Tage werden also nicht berechnet. Dafür Zeilen mit Gültig ab = neuer Vertragsbeginn angeben.", en: "Contract {contract}: no position has a state before the former start {stored}, so the days gained are not billed. For that, give rows with valid_from = the new contract start." },
  "master.unknown_customer": { de: "Kunde {customer} ist unbekannt.", en: "Customer {customer} is unknown." },
  "master.unknown_article": { de: "Artikel {article} ist unbekannt: zuerst die Artikel importieren (oder die Artikeldatei zusammen mit dieser Datei).", en: "Article {article} is unknown: import the articles first (or the articles file together with this one)." },
  "master.end_before_start": { de: "Vertragsende {end} liegt vor dem Vertragsbeginn {start}.", en: "Contract end {end} is before contract start {start}." },
  "master.billed_until_not_month_end": { de: "Abgerechnet bis {date} ist nicht der letzte Tag eines Monats; anzugeben ist der letzte Tag des letzten Monats, den das bisherige System abgerechnet hat.", en: "billed_until {date} is not the last day of a month; give the last day of the last month the earlier system billed." },
  "master.billed_until_before_start": { de: "Abgerechnet bis {date} liegt vor dem Vertragsbeginn {start}; frühestens {earliest} (nichts anderswo abgerechnet).", en: "billed_until {date} is before the contract start {start}; the earliest is {earliest} (nothing billed elsewhere)." },
  "master.valid_from_before_start": { de: "Gültig ab {validFrom} liegt vor dem Vertragsbeginn {start}.", en: "valid_from {validFrom} is before the contract start {start}." },
  "master.duplicate_row": { de: "Zeile wiederholt Zeile {otherRow} mit anderem Inhalt.", en: "Row repeats row {otherRow} with different content." },
  // reconciliation review
  "review.contract_required": { de: "Für die neue Position muss ein Vertrag gewählt werden (Spalte „Vertragsnummer“).", en: "Choose the contract for the new position (column contract_no)." },
  "review.unknown_contract": { de: "Vertrag {contract} gibt es nicht.", en: "Contract {contract} does not exist." },
  "review.contract_of_other_customer": { de: "Vertrag {contract} gehört nicht zu Kunde {customer}.", en: "Contract {contract} does not belong to customer {customer}." },
  "review.date_outside_contract": { de: "Wirksam ab {date} liegt außerhalb der Vertragslaufzeit ({start} – {end}).", en: "Effective date {date} is outside the contract term ({start} – {end})." },
  "review.unknown_position": { de: "Vertrag {contract} hat keine Position {position}.", en: "Contract {contract} has no position {position}." },
  "review.negative_quantity": { de: "Die neue Menge wäre negativ ({value}).", en: "The new quantity would be negative ({value})." },
  "review.position_not_started": { de: "Vertrag {contract} Position {position} beginnt erst nach {date}.", en: "Contract {contract} position {position} starts after {date}." },
  "review.mapping_required": { de: "Zum Übernehmen eine Zuordnung eintragen.", en: "Fill in the mapping to accept this row." },
  "review.invalid_action": { de: "„{value}“ ist keine Aktion (übernehmen/accept oder überspringen/skip).", en: '"{value}" is not an action (accept/übernehmen or skip/überspringen).' },
  "review.invalid_status": { de: "„{value}“ ist kein Status des Abgleichs.", en: '"{value}" is not a reconciliation status.' },
  "review.unknown_batch": { de: "Stapel {batch} gibt es nicht.", en: "Batch {batch} does not exist." },
  "review.batch_already_undone": { de: "Stapel {batch} wurde bereits rückgängig gemacht.", en: "Batch {batch} has already been undone." },
  "review.undo_blocked_by_batch": { de: "Stapel {batch} kann nicht rückgängig gemacht werden: der spätere Stapel {later} ({kind}) baut auf Vertrag {contract} Position {position} auf. Zuerst {later} rückgängig machen.", en: "Batch {batch} cannot be undone: the later batch {later} ({kind}) builds on contract {contract} position {position}. Undo {later} first." },
  "review.undo_blocked_by_batch_purchase": { de: "Stapel {batch} kann nicht rückgängig gemacht werden: der spätere Stapel {later} ({kind}) baut auf Einkaufsvertrag {purchase} Position {position} auf. Zuerst {later} rückgängig machen.", en: "Batch {batch} cannot be undone: the later batch {later} ({kind}) builds on purchase contract {purchase} position {position}. Undo {later} first." },
  "review.undo_blocked_by_batch_link": { de: "Stapel {batch} kann nicht rückgängig gemacht werden: der spätere Stapel {later} ({kind}) baut auf die Verknüpfung von Einkaufsvertrag {purchase} Position {purchasePosition} mit Vertrag {contract} Position {position} auf. Zuerst {later} rückgängig machen.", en: "Batch {batch} cannot be undone: the later batch {later} ({kind}) builds on the link of purchase contract {purchase} position {purchasePosition} to contract {contract} position {position}. Undo {later} first." },
  "review.undo_blocked_by_batch_row": { de: "Stapel {batch} kann nicht rückgängig gemacht werden: der spätere Stapel {later} ({kind}) baut auf {entity} auf. Zuerst {later} rückgängig machen.", en: "Batch {batch} cannot be undone: the later batch {later} ({kind}) builds on {entity}. Undo {later} first." },
  "review.undo_blocked_billed_usage": { de: "Stapel {batch} kann nicht rückgängig gemacht werden: seine Zeiten oder Zählerstände sind bereits abgerechnet ({run}). Zuerst den Abrechnungslauf rückgängig machen.", en: "Batch {batch} cannot be undone: its time entries or meter readings are already billed ({run}). Undo the billing run first." },
  "review.undo_blocked_by_run": { de: "Stapel {batch} kann nicht rückgängig gemacht werden: Abrechnungslauf {run} hat Vertrag {contract} für {month} bereits abgerechnet. Zuerst den Lauf rückgängig machen.", en: "Batch {batch} cannot be undone: billing run {run} already billed contract {contract} for {month}. Undo the run first." },
  "reconcile.not_refundable": { de: "Nicht vom Hersteller erstattet: die Reduzierung zum {date} liegt nach dem Stornofenster (168 Stunden nach Kauf oder Verlängerung, bis {windowEnd}); der Hersteller berechnet die Lizenzen bis zum Laufzeitende {commitmentEnd}.", en: "Not refundable by the vendor: the reduction on {date} is after the cancellation window (168 hours after purchase or renewal, until {windowEnd}); the vendor charges the licences until the commitment ends {commitmentEnd}." },
  "reconcile.billed_annually": { de: "Vom Hersteller {frequency} abgerechnet: fehlt nicht, sondern wird nicht jeden Monat berechnet (Laufzeit bis {commitmentEnd}); kein Ende vorgeschlagen.", en: "Billed {frequency} by the vendor: not missing, just not charged every month (commitment until {commitmentEnd}); no end suggested." },
  "usage.unmapped_customer": { de: "Verbrauch von Herstellerkunde {id} ({name}) ist keinem Kunden zugeordnet.", en: "Usage of vendor customer {id} ({name}) is not mapped to a customer." },
  "usage.no_article": { de: "Herstellerprodukt {product} ({name}) hat keinen Artikel: Zuordnung anlegen oder articleNo in der Verbrauchsregel angeben.", en: "Vendor product {product} ({name}) has no article: map it or give articleNo in the usage rule." },
  "usage.no_rule": { de: "Keine Verbrauchsregel für Kunde {customer} und Artikel {article} (auch keine Vorgabe unter defaults).", en: "No usage rule for customer {customer} and article {article} (and no defaults)." },
  "usage.no_list_price": { de: "Die Regel verlangt den Listenpreis, aber die Datei nennt für {product} keinen.", en: "The rule asks for the list price, but the file gives none for {product}." },
  "usage.foreign_currency": { de: "Verbrauch in {currency}; Rechnungen werden in {expected} gestellt: nicht abgerechnet.", en: "Usage in {currency}; invoices are in {expected}: not billed." },
  "usage.undated": { de: "Verbrauchszeile ohne Datum (Kunde {customer}, Produkt {product}): kein Monat zuzuordnen, nichts importiert.", en: "Usage line without a date (customer {customer}, product {product}): no month to place it in; nothing imported." },
  "usage.no_lines": { de: "Die Datei enthält keine Verbrauchszeilen (Azure, tägliche Verbrauchsdaten).", en: "The file has no usage lines (Azure, daily rated usage)." },
  "usage.changed_after_billing": { de: "Verbrauch {key} wurde mit Lauf {run} ({invoice}) abgerechnet und hat jetzt andere Werte: erst den Lauf stornieren; nichts importiert.", en: "Usage {key} was billed by run {run} ({invoice}) and now has other figures: undo the run first; nothing imported." },
  "usage.review_duplicate": { de: "Verbrauch {key} steht zweimal in der Prüfliste (auch Zeile {other}).", en: "Usage {key} is listed twice in the review (also row {other})." },
  "usage.review_unknown": { de: "Verbrauch {key} ist nicht gespeichert.", en: "Usage {key} is not stored." },
  "usage.review_billed": { de: "Verbrauch {key} ist mit Lauf {run} abgerechnet; die Entscheidung kann nicht mehr geändert werden.", en: "Usage {key} was billed by run {run}; its decision cannot change any more." },
  "usagerules.unknown_customer": { de: "Verbrauchsregeln: Kunde {customer} ist nicht angelegt.", en: "Usage rules: customer {customer} does not exist." },
  "usagerules.invalid_json": { de: "Die Verbrauchsregeln sind kein gültiges JSON: {detail}", en: "The usage rules are not valid JSON: {detail}" },
  "usagerules.field_invalid": { de: "Verbrauchsregeln: {path} = {value} ist ungültig (erwartet {expected}).", en: "Usage rules: {path} = {value} is invalid (expected {expected})." },
  "usagerules.field_unknown": { de: "Verbrauchsregeln: unbekanntes Feld {path}.", en: "Usage rules: unknown field {path}." },
  "usagerules.field_required": { de: "Verbrauchsregeln: {path} fehlt.", en: "Usage rules: {path} is missing." },
  "reconcile.usage_only": { de: "Die Datei enthält für {month} keine Lizenzzeilen, aber {count} Verbrauchszeilen (z. B. Azure): diese werden über die Verbrauchsprüfung abgerechnet.", en: "The file has no licence lines for {month} but {count} usage lines (e.g. Azure): they are billed through the usage review." },
  "reconcile.no_lines": { de: "Die Datei enthält keine Lizenzzeilen für {month}.", en: "The file has no licence lines for {month}." },
  // workspace / backup
  "workspace.unreadable": { de: "Arbeitsbereich {file} ist nicht lesbar: {detail}", en: "Workspace {file} cannot be read: {detail}" },
  "backup.invalid": { de: "Die Sicherung ist ungültig: {detail}", en: "The backup is invalid: {detail}" },
  "backup.version_too_new": { de: "Die Sicherung stammt aus einer neueren Version (Schema {found}, unterstützt bis {supported}).", en: "The backup comes from a newer version (schema {found}, supported up to {supported})." },
  "backup.row_invalid": { de: "Sicherung, Tabelle {table}, Zeile {row}, Feld {field}: {detail}", en: "Backup, table {table}, row {row}, field {field}: {detail}" },
  // restore guard and chain heads (issue 17: a restore never loses issued invoices or audit entries)
  "backup.chain_cut": { de: "Die Sicherung endet nicht, wo ihre Kette enden muss ({chain}): erwartet {declared}, gefunden {found} (Anzahl · Hash; letzter Datensatz {last}; Angabe aus {where}). Am Ende fehlen Datensätze oder die Sicherung wurde verändert; sie wird nicht zurückgespielt.", en: "The backup does not end where its chain must end ({chain}): expected {declared}, found {found} (count · hash; last record {last}; stated in {where}). Records are missing at the end or the backup was changed; it is not restored." },
  "backup.ledger_changed": { de: "Die Buchungen der festgeschriebenen Rechnung {invoice} im Abrechnungsjournal der Sicherung ergeben nicht den Hash, mit dem sie festgeschrieben wurde (erwartet {expected}, gefunden {found}): eine Buchung wurde geändert, hinzugefügt oder entfernt. Die Sicherung wird nicht zurückgespielt.", en: "The ledger entries of issued invoice {invoice} in the backup do not give the hash it was issued with (expected {expected}, found {found}): an entry was changed, added or removed. The backup is not restored." },
  "restore.loses_invoice": { de: "Die Sicherung enthält die festgeschriebene Rechnung {invoice} ({customer}, {date}, {amount}) nicht, die im aktuellen Bestand steht. Zurückspielen würde sie löschen, und ihre Nummer würde neu vergeben – das ist nicht erlaubt (GoBD). Nehmen Sie eine neuere Sicherung oder spielen Sie diese in einen neuen, leeren Bestand ein; nichts wurde geändert.", en: "The backup does not hold issued invoice {invoice} ({customer}, {date}, {amount}), which is in the current store. Restoring it would delete the invoice and hand out its number again, which is not allowed (GoBD). Take a newer backup or restore this one into a new, empty store; nothing was changed." },
  "restore.invoice_differs": { de: "Die festgeschriebene Rechnung {invoice} ({customer}, {date}, {amount}) steht in der Sicherung mit anderem Inhalt als im aktuellen Bestand (Hash {found} statt {expected}). Die Sicherung stammt aus einem anderen Bestand oder wurde verändert; sie wird nicht zurückgespielt, nichts wurde geändert.", en: "Issued invoice {invoice} ({customer}, {date}, {amount}) has other content in the backup than in the current store (hash {found} instead of {expected}). The backup comes from another store or was changed; it is not restored and nothing was changed." },
  // verify (CLI): the chains and the ledger of the issued invoices; reasons stay codes (content_changed, ledger_changed …)
  "verify.ok": { de: "in Ordnung ({audit} Protokolleinträge, {invoices} festgeschriebene Rechnungen)", en: "ok ({audit} audit entries, {invoices} issued invoices)" },
  "verify.audit_head": { de: "Ende des Protokolls: {count} Einträge, letzte seq {seq}, Hash {hash}", en: "audit log head: {count} entries, last seq {seq}, hash {hash}" },
  "verify.invoice_head": { de: "Ende der festgeschriebenen Rechnungen: {count} Rechnungen, Hash {hash}", en: "issued invoices head: {count} invoices, hash {hash}" },
  "verify.ledger_ok": { de: "Abrechnungsjournal in Ordnung: {entries} Buchungen der festgeschriebenen Rechnungen ({sealed} Rechnungen gegen ihren Journal-Hash, {legacy} ältere ohne ihn gegen ihre Positionen geprüft)", en: "ledger ok: {entries} entries of the issued invoices ({sealed} invoices checked against their ledger digest, {legacy} older ones without it against their lines)" },
  "verify.ledger_ok_sealed": { de: "Abrechnungsjournal in Ordnung: {entries} Buchungen der festgeschriebenen Rechnungen ({sealed} Rechnungen gegen ihren Journal-Hash geprüft)", en: "ledger ok: {entries} entries of the issued invoices ({sealed} invoices checked against their ledger digest)" },
  "verify.broken": { de: "Kette gebrochen bei {where}", en: "chain broken at {where}" },
  "verify.also_broken": { de: "ebenfalls gebrochen: {where}", en: "also broken: {where}" },
  "verify.at_audit": { de: "Protokolleintrag seq {record}: {reason}", en: "audit log entry seq {record}: {reason}" },
  "verify.at_invoice": { de: "festgeschriebene Rechnung {record}: {reason}", en: "issued invoice {record}: {reason}" },
  "verify.at_invoice_recorded": { de: "festgeschriebene Rechnung {record}: {reason} (wo Protokolleintrag seq {auditSeq} die Rechnungskette festhielt)", en: "issued invoice {record}: {reason} (where audit log entry seq {auditSeq} recorded the invoice chain)" },
  "verify.at_ledger": { de: "Abrechnungsjournal der festgeschriebenen Rechnung {record}: {reason} – eine Buchung wurde geändert, hinzugefügt oder entfernt", en: "ledger of issued invoice {record}: {reason} — an entry was changed, added or removed" },
  "verify.at_ledger_entry": { de: "Abrechnungsjournal der festgeschriebenen Rechnung {record}: {reason} – Buchung {entry}, Feld {field}", en: "ledger of issued invoice {record}: {reason} — entry {entry}, field {field}" },
  "verify.at_ledger_line": { de: "Abrechnungsjournal der festgeschriebenen Rechnung {record}: {reason} – Position {line}, Feld {field}", en: "ledger of issued invoice {record}: {reason} — line {line}, field {field}" },
  "verify.at_ledger_orphan": { de: "Buchung {record} im Abrechnungsjournal: {reason} – sie gehört zu keiner Rechnung ihres festgeschriebenen Laufs", en: "ledger entry {record}: {reason} — it belongs to no invoice of its issued run" },
  "restore.audit_diverges": { de: "Protokolleintrag Nr. {seq} ({at}, {kind}) des aktuellen Bestands fehlt in der Sicherung oder steht dort anders: sie stammt aus einem anderen Bestand. Zurückspielen würde Protokolleinträge verlieren; spielen Sie sie in einen neuen, leeren Bestand ein. Nichts wurde geändert.", en: "Audit entry no. {seq} ({at}, {kind}) of the current store is missing from the backup or differs there: the backup comes from another store. Restoring it would lose audit entries; restore it into a new, empty store. Nothing was changed." },
  "server.conflict": { de: "Vertrag {contract} Position {position} wurde seit dem Abgleich (Stand {revision}) von jemand anderem geändert; nichts wurde übernommen. Bitte neu abgleichen.", en: "Contract {contract} position {position} was changed by someone else since the review was made (revision {revision}); nothing was applied. Reconcile again." },
  // push (team server)
  "push.source_missing": { de: "Quelle {file} gibt es nicht (Arbeitsbereich .db/.sqlite oder Sicherung .json).", en: "Source {file} does not exist (a workspace .db/.sqlite or a backup .json)." },
  "push.target_not_empty": { de: "Der Team-Datenbestand {store} ist nicht leer ({rows} Zeilen); nichts wurde übertragen. Mit --replace wird er vollständig ersetzt.", en: "The team store {store} is not empty ({rows} rows); nothing was pushed. --replace replaces it completely." },
  "export.unknown_format": { de: "Unbekanntes Exportformat „{format}“ (generic, de, datev, custom:PROFIL).", en: 'Unknown export format "{format}" (generic, de, datev, custom:PROFILE).' },
  "store.busy": { de: "Der Datenbestand {store} ist gerade belegt{holder}. Bitte warten und den Befehl wiederholen.", en: "The store {store} is busy{holder}. Wait and run the command again." },
  "store.out_is_store": { de: "{file} ist der Datenbestand selbst; bitte eine andere Ausgabedatei wählen.", en: "{file} is the store itself; choose another output file." },
  "store.open_failed": { de: "Der Datenbestand {store} lässt sich nicht öffnen: {detail}", en: "The store {store} cannot be opened: {detail}" },
  // store schema 4: mapping ids in their normal form (store/upgrade-v4.ts)
  "store.mapping_ids_normalized": { de: "{count|Zuordnung|Zuordnungen} auf die einheitliche Schreibweise der Hersteller-IDs umgestellt (GUIDs klein, ohne Klammern).", en: "{count|mapping|mappings} converted to the one spelling of vendor ids (GUIDs lower case, without braces)." },
  "store.mapping_id_collision": { de: "{mappingKind}-Zuordnung {externalId} (Quelle {source}) war mehrfach gespeichert ({ids}): gültig bleibt {keptId} → {keptNo} ({keptBy}); {droppedNo} steht mit beiden Werten im Protokoll. Bitte prüfen.", en: "{mappingKind} mapping {externalId} (source {source}) was stored more than once ({ids}): {keptId} → {keptNo} stays active ({keptBy}); {droppedNo} is kept with both values in the audit log. Please check." },
  "store.mapping_id_merged": { de: "{mappingKind}-Zuordnung {externalId} (Quelle {source}) war in mehreren Schreibweisen gespeichert ({ids}), alle → {keptNo}: zu einer zusammengefasst (siehe Protokoll).", en: "{mappingKind} mapping {externalId} (source {source}) was stored in several spellings ({ids}), all → {keptNo}: merged into one (see the audit log)." },
  "workspace.migrated": { de: "Arbeitsbereich {file} (JSON) wurde in eine Datenbank umgewandelt: {rows|Zeile|Zeilen} geprüft; das alte JSON liegt unter {backup}.", en: "Workspace {file} (JSON) was converted to a database: {rows|row|rows} verified; the old JSON is kept as {backup}." },
  "file.is_zip": { de: "{file} ist ein Zip-Archiv, keine Tabelle: entpacken Sie es und wählen Sie die CSV- oder JSON-Datei darin (eine .xlsx-Arbeitsmappe öffnen Sie als .xlsx).", en: "{file} is a zip archive, not a table: unpack it and choose the CSV or JSON file inside (open an .xlsx workbook as .xlsx)." },
  "file.is_pdf": { de: "{file} ist ein PDF-Dokument. Laden Sie die Abrechnungsdatei als CSV, Excel (.xlsx) oder JSON herunter.", en: "{file} is a PDF document. Download the billing file as CSV, Excel (.xlsx) or JSON." },
  "file.is_xls": { de: "{file} ist eine alte Excel-Datei (.xls, 97–2003). Speichern Sie sie in Excel als .xlsx oder CSV.", en: "{file} is an old Excel file (.xls, 97–2003). Save it in Excel as .xlsx or CSV." },
  "file.is_utf16": { de: "{file} ist Text in UTF-16 (Excel „Unicode-Text“). Speichern Sie sie als „CSV UTF-8“.", en: '{file} is UTF-16 text (Excel "Unicode Text"). Save it as "CSV UTF-8".' },
  "file.is_binary": { de: "{file} ist keine Textdatei (Binärdaten) und kann nicht gelesen werden. Erwartet: CSV, Excel (.xlsx) oder JSON, auch gzip-komprimiert.", en: "{file} is not a text file (binary data) and cannot be read. Expected: CSV, Excel (.xlsx) or JSON, also gzip-compressed." },
  "file.gzip_invalid": { de: "{file} ist gzip-komprimiert, lässt sich aber nicht entpacken ({detail}). Laden Sie die Datei erneut herunter.", en: "{file} is gzip-compressed but cannot be unpacked ({detail}). Download the file again." },
  "json.invalid": { de: "Ungültiges JSON in Zeile {line}: {detail}", en: "Invalid JSON in line {line}: {detail}" },
  "json.not_records": { de: "Die JSON-Datei enthält keine Liste von Datensätzen.", en: "The JSON file holds no list of records." },
  "json.not_a_record": { de: "Eintrag {index} ist kein Datensatz (JSON-Objekt).", en: "Entry {index} is not a record (JSON object)." },
  "file.unreadable": { de: "Datei {file} ist nicht lesbar: {detail}", en: "File {file} cannot be read: {detail}" },
  "cli.period_from_file": { de: "Kein --period angegeben: abgeglichen wird {month} laut Abrechnungszeitraum in {files}. Mit --period JJJJ-MM wählen Sie einen anderen Monat.", en: "No --period given: reconciling {month}, the charge period in {files}. Give --period YYYY-MM to choose another month." },
  "cli.period_differs_from_file": { de: "Abgeglichen wird {month}, aber der Abrechnungszeitraum in {files} ist überwiegend {fileMonth}: falsche Datei oder falscher Monat? Positionen, die die Datei für {month} nicht nennt, stehen als „Fehlt in Datei“ in der Tabelle.", en: "Reconciling {month}, but the charge period in {files} is mostly {fileMonth}: wrong file or wrong month? Positions the file does not name for {month} show as missing_in_file." },
  "cli.period_not_found": { de: "{files} nennt keinen Abrechnungszeitraum; bitte den Monat mit --period JJJJ-MM angeben.", en: "{files} names no charge period; give the month with --period YYYY-MM." },
  "file.not_found": { de: "Die Datei {file} gibt es nicht. Prüfen Sie Namen und Ordner.", en: "There is no file {file}. Check the name and the folder." },
  "file.is_directory": { de: "{file} ist ein Ordner, keine Datei. Nennen Sie eine Datei darin.", en: "{file} is a folder, not a file. Name a file inside it." },
  "file.no_permission": { de: "Die Datei {file} darf nicht gelesen werden (keine Berechtigung).", en: "You may not read {file} (permission denied)." },
  // billing
  "billing.run_exists": { de: "Der Abrechnungslauf {run} ist bereits im Abrechnungsjournal.", en: "Billing run {run} is already in the ledger." },
  "billing.unknown_customer": { de: "Vertrag {contract}: Kunde {customer} ist unbekannt; seine Positionen werden nicht abgerechnet.", en: "Contract {contract}: customer {customer} is unknown; its charges are left out." },
  "billing.unknown_contract": { de: "Das Abrechnungsjournal enthält Vertrag {contract}, der nicht mehr vorhanden ist; er wird nicht auf Differenzen geprüft.", en: "The ledger holds contract {contract}, which no longer exists; it is not checked for differences." },
  "billing.credit_suppressed": { de: "Vertrag {contract} Position {position}: Gutschrift von {amount} für {from} bis {to} unterdrückt (Gutschriften sind für diesen Vertrag abgeschaltet).", en: "Contract {contract} position {position}: credit of {amount} for {from} to {to} suppressed (credits are switched off for this contract)." },
  "billing.reverse_charge_with_vat": { de: "Vertrag {contract}, Position {position}: Kunde {customer} ist als Reverse Charge gekennzeichnet (Steuerschuldnerschaft des Leistungsempfängers), die Position berechnet aber {vat} % USt; sie wird nicht abgerechnet. Den USt-Satz der Position auf 0 % setzen oder beim Kunden Reverse Charge entfernen; die Monate werden dann nachberechnet.", en: "Contract {contract}, position {position}: customer {customer} is marked reverse charge (the customer owes the VAT), but the position charges {vat} % VAT; it is not billed. Set the position's VAT rate to 0 % or remove reverse charge from the customer; its months are then caught up." },
  "billing.invalid_contract": { de: "Vertrag {contract}: {field} „{value}“ ist ungültig; der Vertrag wird nicht abgerechnet.", en: 'Contract {contract}: {field} "{value}" is not valid; the contract is not billed.' },
  "billing.undo_unknown_run": { de: "Abrechnungslauf {run} ist unbekannt oder schon rückgängig gemacht.", en: "Billing run {run} is unknown or already undone." },
  "billing.undo_not_latest": { de: "Abrechnungslauf {run} kann nicht rückgängig gemacht werden: danach kam Lauf {latest}. Zuerst den späteren Lauf rückgängig machen.", en: "Billing run {run} cannot be undone: run {latest} came after it. Undo the later run first." },
  "billing.undo_issued": { de: "Abrechnungslauf {run} ist festgeschrieben ({issuedBy}, {issuedAt}) und kann nicht rückgängig gemacht werden. Korrigieren Sie eine Rechnung durch eine Stornorechnung (cancel-invoice) und rechnen Sie neu ab.", en: "Billing run {run} is issued ({issuedBy}, {issuedAt}) and cannot be undone. Correct an invoice by a cancellation invoice (cancel-invoice) and bill again." },
  "billing.finalize_unknown_run": { de: "Abrechnungslauf {run} ist unbekannt oder rückgängig gemacht.", en: "Billing run {run} is unknown or undone." },
  "billing.cancel_unknown_invoice": { de: "Rechnung {invoice} gibt es nicht.", en: "Invoice {invoice} does not exist." },
  "billing.cancel_not_issued": { de: "Rechnung {invoice} gehört zum Entwurf {run}; einen Entwurf macht man rückgängig statt ihn zu stornieren.", en: "Invoice {invoice} belongs to draft run {run}; undo a draft instead of cancelling it." },
  "billing.cancel_already": { de: "Rechnung {invoice} ist bereits durch {cancellation} storniert.", en: "Invoice {invoice} is already cancelled by {cancellation}." },
  "billing.cancel_is_cancellation": { de: "{invoice} ist selbst eine Stornorechnung und kann nicht storniert werden.", en: "{invoice} is itself a cancellation invoice and cannot be cancelled." },
  "billing.cancel_draft_pending": { de: "Der Entwurf {run} hält Rechnungsnummern; zuerst festschreiben oder rückgängig machen, damit die Nummern lückenlos bleiben.", en: "Draft run {run} holds invoice numbers; issue or undo it first so the numbering stays gap-free." },
  "billing.cancel_unknown_run": { de: "Den Abrechnungslauf {run} gibt es nicht (oder er wurde rückgängig gemacht).", en: "Billing run {run} does not exist (or was undone)." },
  "billing.cancel_run_is_cancellation": { de: "{run} ist selbst ein Stornolauf und kann nicht storniert werden.", en: "{run} is itself a cancellation run and cannot be cancelled." },
  "billing.cancel_run_not_issued": { de: "Der Lauf {run} ist ein Entwurf; einen Entwurf macht man rückgängig statt ihn zu stornieren.", en: "Run {run} is a draft; undo a draft instead of cancelling it." },
  "billing.cancel_date_before_invoice": {
    de: "Die Stornorechnung zu {invoice} kann nicht vor der Rechnung datiert sein: {date} liegt vor dem Rechnungsdatum {invoiceDate}.",
    en: "The cancellation of {invoice} cannot be dated before the invoice: {date} is before its invoice date {invoiceDate}.",
  },
  "billing.period_far_ahead": {
    de: "Abrechnungsmonat {month} liegt mehr als einen Monat nach dem laufenden Monat {current}: Tippfehler im Jahr? Nichts wurde abgerechnet. Zum Vorausberechnen so weit im Voraus --allow-future angeben (--dry-run zeigt vorher, was es wäre).",
    en: "Billing month {month} is more than one month after the current month {current}: a typo in the year? Nothing was billed. To bill that far ahead, give --allow-future (--dry-run shows first what it would be).",
  },
  "billing.nothing_due": {
    de: "Nichts abzurechnen für {month}: alles bis zum Monatsende Fällige ist bereits abgerechnet. Es wurde kein Lauf angelegt und keine Datei geschrieben.",
    en: "Nothing to bill for {month}: everything due by the end of the month is billed already. No run was stored and no file was written.",
  },
  "billing.no_invoice_usage_recorded": {
    de: "Keine Rechnung für {month}: Lauf {run} hält nur Zeiten oder Zählermonate ohne Betrag fest (durch Inklusivstunden, Kontingent oder Inklusivseiten gedeckt). Keine Datei geschrieben.",
    en: "No invoice for {month}: run {run} only records time entries or click months without an amount (covered by included hours, a contingent or included pages). No file was written.",
  },
  "billing.no_invoice_usage_to_record": {
    de: "Keine Rechnung für {month}: ein Lauf hielte nur Zeiten, Zählermonate oder Verbrauch ohne Betrag fest (durch Inklusivstunden, Kontingent oder Inklusivseiten gedeckt; Zeiteinträge: {timeEntries}, Zählermonate: {clickMonths}, Verbrauchsposten: {usageRecords}). Ohne Lauf bleiben sie offen; ohne --dry-run wird er angelegt.",
    en: "No invoice for {month}: a run would only record time entries, click months or usage without an amount (covered by included hours, a contingent or included pages; time entries: {timeEntries}, click months: {clickMonths}, usage records: {usageRecords}). Without a run they stay open; without --dry-run it is stored.",
  },
  "billing.invoice_date_before_numbered": {
    de: "Rechnungsdatum {date} liegt vor dem {lastDate} der schon nummerierten Rechnung {invoice} (Lauf {run}): eine spätere Nummer darf kein früheres Datum tragen. Datum {lastDate} oder später wählen.",
    en: "Invoice date {date} is before {lastDate}, the date of invoice {invoice} (run {run}), which already has a number: a later number cannot carry an earlier date. Choose {lastDate} or later.",
  },
  "billing.cancel_reason_one_line": { de: "Der Stornogrund muss eine Zeile sein (ohne Zeilenumbruch oder Steuerzeichen).", en: "The cancellation reason must be one line (no line breaks or control characters)." },
  "billing.cancel_reason_too_long": { de: "Der Stornogrund ist {length} Zeichen lang; höchstens {max} passen auf die Stornorechnung.", en: "The cancellation reason is {length} characters long; at most {max} fit on the cancellation invoice." },
  "billing.cancel_run_nothing": { de: "Im Lauf {run} ist nichts mehr zu stornieren: alle {count} Rechnungen sind bereits storniert.", en: "Nothing left to cancel in run {run}: all {count} invoices are cancelled already." },
  "billing.einvoice_no_company": { de: "E-Rechnungen für Lauf {run}: es sind keine Firmenangaben gespeichert (der Verkäufer jeder E-Rechnung; Aufgabenbereich: Stammdaten → Firmendaten; Kommandozeile: export-settings --company); nichts wurde festgeschrieben.", en: "E-invoices of run {run}: no company data is saved (the seller of every e-invoice; task pane: Master data → company data; command line: export-settings --company); nothing was issued." },
  "billing.einvoice_unknown_customer": { de: "E-Rechnung {invoice}: Kunde {customer} steht nicht in den Stammdaten.", en: "E-invoice {invoice}: customer {customer} is not in the master data." },
  "billing.einvoice_not_issued": { de: "E-Rechnungen für Lauf {run}: wegen der Fehler oben wurde nichts festgeschrieben und keine Datei geschrieben.", en: "E-invoices of run {run}: because of the errors above nothing was issued and no file was written." },
  "export.unencodable": { de: "Rechnung {invoice}: die Zeichen {chars} gibt es in Windows-1252 nicht; sie werden als ? geschrieben.", en: "Invoice {invoice}: the characters {chars} do not exist in Windows-1252 and are written as ?." },
  // excel (workbook gateway, src/excel)
  "excel.sheet_not_found": { de: "Blatt oder Tabelle „{sheet}“ gibt es in dieser Arbeitsmappe nicht (Blätter: {sheets}).", en: 'Sheet or table "{sheet}" does not exist in this workbook (sheets: {sheets}).' },
  // a sheet read back found under neither language's name (src/taskpane/find-sheet.ts)
  "excel.sheet_not_found_either": { de: "Blatt „{sheet}“ gibt es in dieser Arbeitsmappe nicht, auch nicht unter dem englischen Namen „{other}“ (Blätter: {sheets}).", en: 'Sheet "{sheet}" does not exist in this workbook, nor under its German name "{other}" (sheets: {sheets}).' },
  "excel.sheet_exists": { de: "Blatt „{sheet}“ gibt es schon. Benennen oder löschen Sie es, oder lassen Sie es ersetzen.", en: 'Sheet "{sheet}" already exists. Rename or delete it, or choose to replace it.' },
  "excel.invalid_sheet_name": { de: "„{sheet}“ ist kein gültiger Blattname (1–31 Zeichen, ohne : \\ / ? * [ ]).", en: '"{sheet}" is not a valid sheet name (1–31 characters, none of : \\ / ? * [ ]).' },
  "excel.invalid_table_name": { de: "„{table}“ ist kein gültiger Tabellenname (Buchstaben, Ziffern, _; beginnt mit einem Buchstaben).", en: '"{table}" is not a valid table name (letters, digits, _; starting with a letter).' },
  "excel.table_name_taken": { de: "Der Tabellenname „{table}“ ist schon auf Blatt „{sheet}“ vergeben.", en: 'The table name "{table}" is already used on sheet "{sheet}".' },
  "excel.no_header": { de: "Für Blatt „{sheet}“ gibt es nichts zu schreiben: die Kopfzeile fehlt.", en: 'Nothing to write to sheet "{sheet}": the header row is missing.' },
  "excel.unknown_column": { de: "Spalte „{column}“ gibt es in der Tabelle für Blatt „{sheet}“ nicht.", en: 'Column "{column}" is not in the table for sheet "{sheet}".' },
  "excel.row_too_wide": { de: "Zeile {row} hat {count} Zellen, die Kopfzeile nur {width}.", en: "Row {row} has {count} cells but the header only {width}." },
  "excel.row_too_large": { de: "Zeile {row} ist zu groß für eine einzelne Excel-Anfrage; kürzen Sie lange Texte in dieser Zeile.", en: "Row {row} is too large for a single Excel request; shorten long texts in that row." },
  "excel.cancelled": { de: "Das Schreiben von Blatt „{sheet}“ wurde abgebrochen; die Arbeitsmappe ist unverändert.", en: 'Writing sheet "{sheet}" was cancelled; the workbook is unchanged.' },
  "excel.api_error": { de: "Excel hat einen Fehler gemeldet ({code}): {detail} Versuchen Sie es erneut; bleibt der Fehler, laden Sie das Add-in neu.", en: "Excel reported an error ({code}): {detail} Try again; if it persists, reload the add-in." },
  // issue 20 (results where the clerk looks): cell links and rows typed outside a table.
  "excel.invalid_address": { de: "„{address}“ ist keine Zelladresse auf Blatt „{sheet}“.", en: '"{address}" is not a cell address on sheet "{sheet}".' },
  "excel.rows_below_table": { de: "Blatt „{sheet}“ hat {count|Zeile|Zeilen} unter der Tabelle, aber außerhalb davon (ab Zeile {row}): eingelesen wird nur die Tabelle. Ziehen Sie die Tabelle über diese Zeilen auf (Tabellenentwurf › Tabellengröße ändern) oder verschieben Sie sie direkt unter die Tabelle.", en: 'Sheet "{sheet}" has {count|row|rows} below the table but outside it (from row {row}): only the table is read. Resize the table over these rows (Table Design › Resize Table) or move them right under the table.' },
  // vendor files (distributor billing files, file profiles; src/io/table, src/io/vendor)
  "io.issues_truncated": { de: "{count} weitere Meldungen der Art {code} werden nicht einzeln aufgeführt.", en: "{count} further problems of kind {code} are not listed one by one." },
  "xlsx.damaged": { de: "Die Arbeitsmappe ist nicht lesbar: ihr innerer Aufbau ist beschädigt. In Excel öffnen und neu speichern oder als CSV speichern.", en: "The workbook cannot be read: its internal structure is damaged. Open it in Excel and save it again, or save it as CSV." },
  "xlsx.row_limit": { de: "Die Arbeitsmappe nennt Zeile {row}, Excel hat höchstens {limit} Zeilen: sie ist beschädigt; es wird nichts gelesen.", en: "The workbook names row {row}, but Excel has at most {limit} rows: it is damaged; nothing is read." },
  "xlsx.sheet_not_found": { de: "Blatt „{sheet}“ nicht gefunden (vorhanden: {sheets}).", en: 'Sheet "{sheet}" not found (sheets: {sheets}).' },
  "vendor.no_profile": { de: "Kein Dateiprofil passt zu den Spalten dieser Datei (gefunden: {headers}). Legen Sie ein Profil für diesen Anbieter an.", en: "No file profile matches the columns of this file (found: {headers}). Define a profile for this vendor." },
  "vendor.profile_ambiguous": { de: "Die Spalten passen gleich gut zu mehreren Profilen ({profiles}); verwendet wird „{chosen}“. Wählen Sie das Profil ausdrücklich, falls das falsch ist.", en: 'The columns fit several profiles equally well ({profiles}); using "{chosen}". Choose the profile explicitly if that is wrong.' },
  "vendor.profile_unknown": { de: "Dateiprofil „{profile}“ ist unbekannt.", en: 'File profile "{profile}" is unknown.' },
  "vendor.missing_columns": { de: "Profil „{profile}“ braucht die Spalte(n) {columns}; die Datei hat sie nicht.", en: 'Profile "{profile}" needs the column(s) {columns}, which the file lacks.' },
  "vendor.no_data_rows": { de: "Die Datei hat eine Kopfzeile, aber keine Datenzeilen.", en: "The file has a header row but no data rows." },
  "vendor.unknown_charge_type": { de: "Unbekannte Buchungsart „{value}“ ({count|Zeile|Zeilen}): die Zeilen werden übernommen und müssen geprüft werden.", en: 'Unknown charge type "{value}" ({count|row|rows}): the rows are kept and need review.' },
  "vendor.invalid_date": { de: "„{value}“ ist kein gültiges Datum (erwartet {format}).", en: '"{value}" is not a valid date (expected {format}).' },
  "vendor.number_out_of_range": { de: "„{value}“ ist als Betrag oder Menge unplausibel groß.", en: '"{value}" is implausibly large for an amount or quantity.' },
  "vendor.id_mangled": { de: "„{value}“ sieht aus wie eine von Excel gekürzte Zahl; die ID ist vermutlich falsch. Öffnen Sie die Datei als Text oder laden Sie sie neu herunter.", en: '"{value}" looks like a number shortened by Excel; the id is probably wrong. Open the file as text or download it again.' },
  "vendor.period_reversed": { de: "Das Ende {to} liegt vor dem Beginn {from}.", en: "The end {to} is before the start {from}." },
  "vendor.date_order_column": { de: "Spalte „{column}“ wird ganz als {format} gelesen: Zeile {row} („{value}“) lässt nur diese Lesart zu.", en: 'Column "{column}" is read as {format} throughout: row {row} ("{value}") reads only that way.' },
  "vendor.date_order_conflict": { de: "Spalte „{column}“ mischt Tag/Monat und Monat/Tag; die ganze Spalte wird als {format} gelesen, Zeilen wie {row} („{value}“) sind damit ungültig. Prüfen Sie die Datei.", en: 'Column "{column}" mixes day/month and month/day; the whole column is read as {format}, so rows such as {row} ("{value}") are invalid. Check the file.' },
  "vendor.date_excel_swapped": { de: "Spalte „{column}“: amerikanische Datumsangaben, von Excel mit deutschen Einstellungen teils umgewandelt (Zeile {row}: „{value}“ geht nur als Monat/Tag). Die ganze Spalte wird als Monat/Tag gelesen, auch die Angaben TT.MM.JJJJ (10.03.2026 = 3. Oktober).", en: 'Column "{column}": US dates, partly converted by Excel with German settings (row {row}: "{value}" reads only as month/day). The whole column is read month first, the DD.MM.YYYY values too (10.03.2026 = 3 October).' },
  "vendor.date_order_late": { de: "Spalte „{column}“ wurde nach den ersten {rows|Zeile|Zeilen} als {format} gelesen, aber Zeile {row} lässt nur die andere Lesart zu. Geben Sie im Profil das Datumsformat fest an oder sortieren Sie die Datei anders.", en: 'Column "{column}" was read as {format} after the first {rows|row|rows}, but row {row} reads only the other way. Set the date format in the profile or sort the file differently.' },
  "vendor.date_order_assumed": { de: "Die Datumsangaben sind mehrdeutig (Tag und Monat ≤ 12); gelesen als {format}.", en: "The dates are ambiguous (day and month ≤ 12); read as {format}." },
  "json.too_large": { de: "Die JSON-Datei ist zu groß ({size} Zeichen; höchstens {limit}); es wird nichts gelesen.", en: "The JSON file is too large ({size} characters; at most {limit}); nothing is read." },
  "json.too_deep": { de: "Die JSON-Datei ist tiefer als {limit} Ebenen verschachtelt (bei Zeichen {at}); Einstellungen und Profile brauchen weit weniger. Es wird nichts gelesen.", en: "The JSON file nests deeper than {limit} levels (at character {at}); settings and profiles need far fewer. Nothing is read." },
  "parse.control_character": { de: "Die Zelle enthält ein Steuerzeichen (z. B. ein NUL-Byte); sie wird nicht gelesen.", en: "The cell holds a control character (such as a NUL byte); it is not read." },
  "parse.number_too_large": { de: "„{value}“ hat mehr als {digits} Stellen vor dem Komma; Mengen und Beträge gehen bis 999.999.999.999.999.", en: '"{value}" has more than {digits} digits before the decimal point; quantities and amounts go up to 999,999,999,999,999.' },
  "file.too_large": { de: "{file} ist zu groß (entpackt mehr als {limit} Bytes) und wird nicht gelesen. Teilen Sie die Datei, z. B. nach Monat oder Kunde.", en: "{file} is too large (more than {limit} bytes unpacked) and is not read. Split it, for example by month or customer." },
  "json.records_too_deep": { de: "Die JSON-Datei ist in Zeile {line} tiefer als {limit} Ebenen verschachtelt; Abrechnungsdaten brauchen weit weniger. Es wird nichts gelesen.", en: "The JSON file nests deeper than {limit} levels in line {line}; billing records need far fewer. Nothing is read." },
  "parse.too_many_decimals": { de: "„{value}“ hat {count} Nachkommastellen; diese Spalte nimmt höchstens {limit} auf. Der Wert wird nicht gerundet; korrigieren Sie die Datei.", en: '"{value}" has {count} digits after the decimal point; this column takes at most {limit}. The value is not rounded; correct the file.' },
  "profile.invalid_json": { de: "Das Profil ist kein gültiges JSON: {detail}", en: "The profile is not valid JSON: {detail}" },
  "profile.field_required": { de: "Profilfeld {field} fehlt oder ist leer.", en: "Profile field {field} is missing or empty." },
  "profile.field_invalid": { de: "Profilfeld {field}: „{value}“ ist ungültig (erwartet {expected}).", en: 'Profile field {field}: "{value}" is invalid (expected {expected}).' },
  "profile.field_unknown": { de: "Profilfeld {field} ist unbekannt (Tippfehler?).", en: "Profile field {field} is unknown (a typo?)." },
  "profile.version_unsupported": { de: "Profilversion {found} wird nicht unterstützt (unterstützt: {supported}).", en: "Profile version {found} is not supported (supported: {supported})." },
  "profile.duplicate_id": { de: "Profil-ID „{id}“ kommt mehrfach vor.", en: 'Profile id "{id}" appears more than once.' },
  "profile.reserved_id": { de: "Profil-ID „{id}“ gehört zu einem eingebauten Profil.", en: 'Profile id "{id}" belongs to a built-in profile.' },
  // functions (custom worksheet functions MSP.*; src/functions, src/app/lookup)
  "functions.value_missing": { de: "{label} fehlt.", en: "{label} is missing." },
  "functions.not_a_date_value": { de: "{label}: {value} ist kein Datum.", en: "{label}: {value} is not a date." },
  "functions.not_a_date": { de: "{label}: „{value}“ ist kein Datum (Datumszelle, JJJJ-MM-TT oder TT.MM.JJJJ verwenden).", en: '{label}: "{value}" is not a date (use a date cell, YYYY-MM-DD or DD.MM.YYYY).' },
  "functions.invalid_calendar_date": { de: "{label}: „{value}“ ist kein gültiges Kalenderdatum.", en: '{label}: "{value}" is not a valid calendar date.' },
  "functions.serial_out_of_range": { de: "{label}: die Seriennummer {value} liegt außerhalb des Excel-Datumsbereichs (1 = 01.01.1900 … {max} = 31.12.9999).", en: "{label}: serial {value} is outside Excel's date range (1 = 1900-01-01 … {max} = 9999-12-31)." },
  "functions.serial_nonexistent": { de: "{label}: die Seriennummer 60 steht für den 29.02.1900, den es nicht gibt.", en: "{label}: serial 60 is 1900-02-29, a date that does not exist." },
  "functions.not_a_number": { de: "{label}: {value} ist keine Zahl.", en: "{label}: {value} is not a number." },
  "functions.not_a_month": { de: "{label}: „{value}“ ist kein Monat (JJJJ-MM, MM.JJJJ, ein Datum oder eine Datumszelle verwenden).", en: '{label}: "{value}" is not a month (use YYYY-MM, MM.YYYY, a date or a date cell).' },
  "functions.invalid_key": { de: "{label}: {value} ist keine gültige Nummer (als Text oder ganze Zahl angeben).", en: "{label}: {value} is not a valid number (give it as text or as a whole number)." },
  "functions.to_before_from": { de: "Das Ende {to} liegt vor dem Beginn {from}.", en: "to ({to}) is before from ({from})." },
  "functions.period_incomplete": { de: "Periodenbeginn und Periodenende nur zusammen angeben (oder beide weglassen: dann gilt der Kalendermonat des Beginns).", en: "period_start and period_end must be given together (or both left out for the calendar month of from)." },
  "functions.period_reversed": { de: "Das Periodenende {end} liegt vor dem Periodenbeginn {start}.", en: "period_end ({end}) is before period_start ({start})." },
  "functions.unknown_customer": { de: "Kunde {customer} gibt es nicht.", en: "Customer {customer} does not exist." },
  "functions.unknown_article": { de: "Artikel {article} gibt es nicht.", en: "Article {article} does not exist." },
  "functions.unknown_contract": { de: "Vertrag {contract} gibt es nicht.", en: "Contract {contract} does not exist." },
  "functions.no_position": { de: "Kunde {customer} hat am {date} keine aktive Position mit Artikel {article}.", en: "Customer {customer} has no active position of article {article} on {date}." },
  "functions.no_purchase_price": { de: "Artikel {article} hat keinen Einkaufspreis.", en: "Article {article} has no purchase price." },
  "functions.no_version": { de: "Vertrag {contract} hat am {date} noch keine Version.", en: "Contract {contract} has no version on or before {date}." },
  "functions.no_next_bill": { de: "Vertrag {contract} endet am {end}; ab {date} wird nichts mehr fällig.", en: "Contract {contract} ends on {end}; nothing falls due on or after {date}." },
  "functions.store_unavailable": { de: "Der Datenspeicher ist nicht verfügbar: {detail}", en: "The billing store is not available: {detail}" },
  "functions.store_timeout": { de: "Der Datenspeicher hat nicht innerhalb von {seconds} s geantwortet; zum erneuten Versuch neu berechnen.", en: "The billing store did not answer within {seconds} s; recalculate to try again." },
  // purchase (purchase contracts, links, price update, cost check; src/core/purchase, src/app/purchase.ts, price-update.ts, cost-check.ts)
  "purchase.unknown_article": { de: "Artikel {article} ist im Artikelstamm unbekannt; die Einkaufsposition wird trotzdem übernommen (Beschreibung aus der Datei).", en: "Article {article} is not in the article catalogue; the purchase position is imported anyway (description from the file)." },
  "purchase.conflicting_version": { de: "Einkaufsvertrag {purchase} Position {position}: ab {validFrom} ist bereits ein anderer Stand gespeichert (Menge {storedQuantity}, Kosten {storedCost}). Ist der gespeicherte Stand falsch, die Zeile als Korrektur kennzeichnen (Spalte correction bzw. Korrektur: ja).", en: "Purchase contract {purchase} position {position}: a different state is already stored from {validFrom} (quantity {storedQuantity}, cost {storedCost}). If the stored state is wrong, mark the row as a correction (column correction: yes)." },
  "purchase.correction_not_allowed": { de: "Einkaufsvertrag {purchase}: Feld {field} lässt sich nicht korrigieren („{stored}“ gespeichert, „{value}“ in der Zeile), denn Lieferant und Nummer benennen den Einkaufsvertrag. Den Vertrag beenden (Menge 0) und unter neuer Nummer anlegen.", en: 'Purchase contract {purchase}: field {field} cannot be corrected ("{stored}" stored, "{value}" in the row): supplier and number name the purchase contract. End the contract (quantity 0) and enter it under a new number.' },
  "purchase.version_corrected": { de: "Korrektur: Einkaufsvertrag {purchase} Position {position} ab {validFrom}, {column} {stored} → {corrected}.", en: "Correction: purchase contract {purchase} position {position} from {validFrom}, {column} {stored} → {corrected}." },
  "purchase.contract_corrected": { de: "Korrektur: Einkaufsvertrag {purchase}, {column} {stored} → {corrected}.", en: "Correction: purchase contract {purchase}, {column} {stored} → {corrected}." },
  "purchase.conflicting_contract": { de: "Einkaufsvertrag {purchase}: Feld {field} widerspricht einer früheren Angabe („{stored}“ statt „{value}“).", en: 'Purchase contract {purchase}: field {field} contradicts an earlier value ("{stored}" vs "{value}").' },
  "purchase.unknown_purchase": { de: "Einkaufsvertrag {purchase} gibt es nicht.", en: "Purchase contract {purchase} does not exist." },
  "purchase.unknown_purchase_position": { de: "Einkaufsvertrag {purchase} hat keine Position {position}.", en: "Purchase contract {purchase} has no position {position}." },
  "price.purchase_not_started": { de: "Einkaufsvertrag {purchase} Position {position} hat am {date} noch keinen Stand.", en: "Purchase contract {purchase} position {position} has no state on {date} yet." },
  "price.notice_period": { de: "Vertrag {contract} erlaubt keine Preisänderung vor dem {earliest} (Kündigungsfrist); gültig ab {date} ist zu früh. „Gültig ab“ auf {earliest} setzen oder die Zeile überspringen.", en: "Contract {contract} allows no price change before {earliest} (notice period); valid_from {date} is too early. Set valid_from to {earliest} or skip the row." },
  "price.stale_row": { de: "Vertrag {contract} Position {position}: der Preis am {date} ist inzwischen {stored}, der Vorschlag ging von {proposed} aus. Den Vorschlag neu erstellen.", en: "Contract {contract} position {position}: the price on {date} is now {stored}, the proposal was made against {proposed}. Make a new proposal." },
  "price.position_ended": { de: "Vertrag {contract} Position {position} ist am {date} beendet (Menge 0); der Preis wird nicht geändert.", en: "Contract {contract} position {position} is ended on {date} (quantity 0); its price is not changed." },
  "price.conflicting_purchase_change": { de: "Einkaufsposition {purchase}: neue Kosten oder Stichtag weichen von Zeile {otherRow} ab.", en: "Purchase position {purchase}: new cost or date differ from row {otherRow}." },
  "price.invalid_purchase_ref": { de: "„{value}“ ist keine Einkaufsposition (erwartet NR:POS, z. B. EK-100:1).", en: '"{value}" is not a purchase position (expected NO:POS, e.g. EK-100:1).' },
  "price.no_purchase_selected": { de: "Keine Einkaufsposition mit Artikel {article} (Lieferant {supplier}) ist am {date} aktiv.", en: "No purchase position of article {article} (supplier {supplier}) is active on {date}." },
  "price.no_linked_positions": { de: "Mit {purchase} ist am {date} keine laufende Verkaufsposition verknüpft; der Vorschlag ist leer. Die neuen Kosten per „purchase import“ mit neuem valid_from erfassen.", en: "No running sales position is linked to {purchase} on {date}; the proposal is empty. Enter the new cost with `purchase import` and a new valid_from." },
  // notes on rows of the review, cost check and price proposal, rendered in the sheet's language (issue 20; src/core/reconcile, src/core/purchase)
  "note.reconcile.several_positions": { de: "{count} Positionen dieses Artikels: {positions}; die Änderung geht an {target}", en: "{count} positions of this article: {positions}; the change goes to {target}" },
  "note.reconcile.choose_contract": { de: "Vertrag für die neue Position wählen", en: "choose the contract for the new position" },
  "note.reconcile.missing_in_file": { de: "nicht in der Datei des Lieferanten: vor dem Beenden der Position prüfen", en: "not in the vendor file: check before ending the position" },
  "note.price.no_cost": { de: "kein aktueller Einkaufspreis: „Marge halten“ kann den Preis nicht umrechnen; neuen Preis von Hand eintragen", en: "no current cost: keep-margin cannot scale the price; enter new_price by hand" },
  "note.price.full_discount": { de: "100 % Rabatt: die Einkaufsänderung lässt sich nicht weitergeben; neuen Preis von Hand eintragen", en: "100 % discount: the cost difference cannot be passed on; enter new_price by hand" },
  "note.price.unchanged": { de: "Preis unverändert", en: "price unchanged" },
  "note.price.notice_period": { de: "Kündigungsfrist: keine Preisänderung vor dem {date} (zum Übernehmen „Gültig ab“ auf {date} setzen)", en: "notice period: no price change before {date} (set valid_from to {date} to accept)" },
  "note.price.later_version_too": { de: "der Stand ab {date} erhält den neuen Preis ebenfalls", en: "the version from {date} gets the new price too" },
  "note.price.later_version_own": { de: "der Stand ab {date} behält seinen eigenen Preis {price}", en: "the version from {date} keeps its own price {price}" },
  "note.cost.unmapped_customer": { de: "Kunde {id} ({name}) des Lieferanten ist keinem Kunden zugeordnet", en: "vendor customer {id} ({name}) is not mapped to a customer" },
  "note.cost.unmapped_article": { de: "Artikel {id} ({name}) des Lieferanten ist keinem Artikel zugeordnet", en: "vendor article {id} ({name}) is not mapped to an article" },
  "note.cost.no_position_for": { de: "keine Vertragsposition für diese Lizenzen (käme in Vertrag {contract})", en: "no contract position for these seats (would go into contract {contract})" },
  "note.cost.no_position": { de: "keine Vertragsposition für diese Lizenzen", en: "no contract position for these seats" },
  "note.cost.vendor_seats": { de: "{count} Lizenz(en) beim Lieferanten, nicht im Vertrag", en: "{count} vendor seat(s) not in the contract" },
  "note.cost.contract_seats": { de: "{count} Lizenz(en) im Vertrag, nicht in der Datei des Lieferanten", en: "{count} contract seat(s) not in the vendor file" },
  "note.cost.not_billed_yet": { de: "für {month} noch nicht abgerechnet", en: "not billed for {month} yet" },
  "note.cost.usage_not_billed": { de: "Verbrauch {month} ({article}): noch nicht abgerechnet", en: "usage {month} ({article}): not billed yet" },
  "note.cost.usage_billed": { de: "Verbrauch {month} abgerechnet mit Rechnung {invoice}, Zeile {line}", en: "usage {month} billed on {invoice} line {line}" },
  // audit log entries as sentences (the Protokoll; src/core/audit-text.ts)
  "audit.customer.add": { de: "Kunde {id} angelegt", en: "Customer {id} added" },
  "audit.customer.update": { de: "Kunde {id} geändert", en: "Customer {id} changed" },
  "audit.article.add": { de: "Artikel {id} angelegt", en: "Article {id} added" },
  "audit.article.update": { de: "Artikel {id} geändert", en: "Article {id} changed" },
  "audit.contract.add": { de: "Vertrag {id} angelegt", en: "Contract {id} added" },
  "audit.contract.update": { de: "Vertrag {id} geändert", en: "Contract {id} changed" },
  "audit.contract.version.add": { de: "Vertrag/Position {id}: neuer Stand", en: "Contract/position {id}: new version" },
  "audit.contract.version.correct": { de: "Vertrag/Position {id}: Stand korrigiert", en: "Contract/position {id}: version corrected" },
  "audit.purchase.add": { de: "Einkaufsvertrag {id} angelegt", en: "Purchase contract {id} added" },
  "audit.purchase.update": { de: "Einkaufsvertrag {id} geändert", en: "Purchase contract {id} changed" },
  "audit.purchase.version.add": { de: "Einkaufsvertrag/Position {id}: neuer Stand", en: "Purchase contract/position {id}: new version" },
  "audit.purchase.version.correct": { de: "Einkaufsvertrag/Position {id}: Stand korrigiert", en: "Purchase contract/position {id}: version corrected" },
  "audit.purchase.link.add": { de: "Verknüpfung {id} angelegt", en: "Link {id} added" },
  "audit.purchase.link.remove": { de: "Verknüpfung {id} gelöst", en: "Link {id} removed" },
  "audit.mapping.put.customer": { de: "Kundenzuordnung {id} gespeichert", en: "Customer mapping {id} saved" },
  "audit.mapping.put.article": { de: "Artikelzuordnung {id} gespeichert", en: "Article mapping {id} saved" },
  "audit.undo.delete": { de: "Rückgängig: {id} entfernt", en: "Undone: {id} removed" },
  "audit.undo.restore": { de: "Rückgängig: {id} wiederhergestellt", en: "Undone: {id} restored" },
  "audit.batch.undo": { de: "Stapel {id} rückgängig gemacht", en: "Batch {id} undone" },
  "audit.billing.run": { de: "Abrechnungslauf {id} durchgeführt", en: "Billing run {id} made" },
  "audit.billing.run.undo": { de: "Abrechnungslauf {id} rückgängig gemacht", en: "Billing run {id} undone" },
  "audit.billing.run.issue": { de: "Abrechnungslauf {id} festgeschrieben", en: "Billing run {id} issued" },
  "audit.invoice.cancel": { de: "Rechnung {id} storniert", en: "Invoice {id} cancelled" },
  "audit.usage.mark": { de: "Verbrauch {id} als abgerechnet markiert", en: "Usage {id} marked as billed" },
  "audit.usage.billed": { de: "Verbrauch {id} abgerechnet", en: "Usage {id} billed" },
  "audit.usage.import": { de: "Verbrauch eingelesen aus {id}", en: "Usage imported from {id}" },
  "audit.usage.decide": { de: "Entscheidung zu Verbrauch {id} gespeichert", en: "Decision on usage {id} saved" },
  "audit.time.import": { de: "Zeiten eingelesen aus {id}", en: "Time entries imported from {id}" },
  "audit.time.approve": { de: "Entscheidung zu Zeiteintrag {id} gespeichert", en: "Decision on time entry {id} saved" },
  "audit.meters.import": { de: "Zählerstände eingelesen aus {id}", en: "Meter readings imported from {id}" },
  "audit.profile.add": { de: "Lieferantenprofil {id} angelegt", en: "Vendor profile {id} added" },
  "audit.profile.update": { de: "Lieferantenprofil {id} geändert", en: "Vendor profile {id} changed" },
  "audit.mandate.add": { de: "Lastschriftmandat von Kunde {id} angelegt", en: "Direct debit mandate of customer {id} added" },
  "audit.mandate.update": { de: "Lastschriftmandat von Kunde {id} geändert", en: "Direct debit mandate of customer {id} changed" },
  "audit.mandate.used": { de: "Lastschriftmandat von Kunde {id} genutzt", en: "Direct debit mandate of customer {id} used" },
  "audit.sepa.export": { de: "SEPA-Lastschriftdatei {id} erstellt", en: "SEPA direct debit file {id} created" },
  "audit.sepa.export.repeat": { de: "SEPA-Lastschriftdatei {id} erneut erstellt", en: "SEPA direct debit file {id} created again" },
  "audit.store.restore": { de: "Datenbestand wiederhergestellt aus {id}", en: "Data restored from {id}" },
  "audit.store.push": { de: "Datenbestand übertragen aus {id}", en: "Data pushed from {id}" },
  "audit.store.migrate": { de: "Datenbestand übernommen aus {id}", en: "Data migrated from {id}" },
  "audit.mapping.normalize": { de: "Zuordnung {id}: Kennung vereinheitlicht (Schema 4)", en: "Mapping {id}: id normalised (schema 4)" },
  "audit.mapping.id_collision": {
    de: "Zuordnung {id}: nach dem Vereinheitlichen doppelt; der neueste Eintrag gilt, die anderen stehen in diesem Protokolleintrag",
    en: "Mapping {id}: duplicate after normalising; the newest row stays, the others are kept in this audit entry",
  },
  "audit.server.user.add": { de: "Benutzer {id} angelegt", en: "User {id} added" },
  "audit.server.user.disable": { de: "Benutzer {id} gesperrt", en: "User {id} disabled" },
  "audit.server.user.enable": { de: "Benutzer {id} freigegeben", en: "User {id} enabled" },
  "audit.settings.update": { de: "Einstellungen gespeichert: {setting}", en: "Settings saved: {setting}" },
  "audit.settings.put": { de: "Einstellungen gespeichert: {setting}", en: "Settings saved: {setting}" },
  "audit.settings.sepa": { de: "Einstellungen gespeichert: {setting}", en: "Settings saved: {setting}" },
  "audit.rules.set": { de: "Einstellungen gespeichert: {setting}", en: "Settings saved: {setting}" },
  "audit.usage.rules.set": { de: "Einstellungen gespeichert: {setting}", en: "Settings saved: {setting}" },
  "audit.time.profile.save": { de: "Einstellungen gespeichert: {setting} {id}", en: "Settings saved: {setting} {id}" },
  "audit.export_profile.add": { de: "Exportprofil {id} angelegt", en: "Export profile {id} added" },
  "audit.export_profile.update": { de: "Exportprofil {id} geändert", en: "Export profile {id} changed" },
  // deleting an export profile (src/app/export-profile-delete.ts)
  "audit.export_profile.delete": { de: "Exportprofil {id} gelöscht", en: "Export profile {id} deleted" },
  "export.profile_delete_unknown": {
    de: "Exportprofil „{profile}“ gibt es nicht; nichts wurde gelöscht (gespeichert: {profiles}).",
    en: 'Export profile "{profile}" does not exist; nothing was deleted (saved: {profiles}).',
  },
  "audit.other": { de: "Änderung ({kind}) an {id}", en: "Change ({kind}) to {id}" },
  // an audit entry's object and source in words (the auditor export's Objekt and Quelle, the pane's Protokoll)
  "audit.object.customer": { de: "Kunde {id}", en: "Customer {id}" },
  "audit.object.article": { de: "Artikel {id}", en: "Article {id}" },
  "audit.object.contract": { de: "Vertrag {id}", en: "Contract {id}" },
  "audit.object.purchase": { de: "Einkaufsvertrag {id}", en: "Purchase contract {id}" },
  "audit.object.contract_position": { de: "Vertrag/Position {id}", en: "Contract/position {id}" },
  "audit.object.purchase_position": { de: "Einkaufsvertrag/Position {id}", en: "Purchase contract/position {id}" },
  "audit.object.link": { de: "Verknüpfung {id}", en: "Link {id}" },
  "audit.object.run": { de: "Abrechnungslauf {id}", en: "Billing run {id}" },
  "audit.object.invoice": { de: "Rechnung {id}", en: "Invoice {id}" },
  "audit.object.sepa": { de: "SEPA-Lastschriftdatei {id}", en: "SEPA direct debit file {id}" },
  "audit.object.mandate": { de: "Lastschriftmandat von Kunde {id}", en: "Direct debit mandate of customer {id}" },
  "audit.object.batch": { de: "Stapel {id}", en: "Batch {id}" },
  "audit.object.file": { de: "Datei {id}", en: "File {id}" },
  "audit.object.user": { de: "Benutzer {id}", en: "User {id}" },
  "audit.object.profile": { de: "Lieferantenprofil {id}", en: "Vendor profile {id}" },
  "audit.object.time": { de: "Zeiteintrag {id}", en: "Time entry {id}" },
  "audit.object.usage": { de: "Verbrauch {id}", en: "Usage {id}" },
  "audit.object.usage_mark": { de: "Verbrauch {id} (Abrechnungsvermerk)", en: "Usage {id} (billing mark)" },
  "audit.object.time_entry": { de: "Zeiteintrag {id}", en: "Time entry {id}" },
  "audit.object.meter_reading": { de: "Zählerstand {id}", en: "Meter reading {id}" },
  "audit.object.contract_version": { de: "Vertragsstand {id}", en: "Contract version {id}" },
  "audit.object.purchase_contract": { de: "Einkaufsvertrag {id}", en: "Purchase contract {id}" },
  "audit.object.mapping.customer": { de: "Kundenzuordnung {id}", en: "Customer mapping {id}" },
  "audit.object.mapping.article": { de: "Artikelzuordnung {id}", en: "Article mapping {id}" },
  "audit.object.setting": { de: "Einstellungen: {setting} {id}", en: "Settings: {setting} {id}" },
  "audit.object.other": { de: "{id}", en: "{id}" },
  "audit.source.manual": { de: "manuell", en: "manual" },
  "audit.source.other": { de: "{id}", en: "{id}" },
  // exports (DATEV Buchungsstapel, custom CSV profiles, invoice documents; src/io/export/{datev,custom-csv,documents}, src/app/export-invoices.ts)
  "datev.field_required": { de: "DATEV-Einstellungen: Feld {field} fehlt oder ist leer.", en: "DATEV settings: field {field} is missing or empty." },
  "datev.field_invalid": { de: "DATEV-Einstellungen: Feld {field}: „{value}“ ist ungültig (erwartet {expected}).", en: 'DATEV settings: field {field}: "{value}" is invalid (expected {expected}).' },
  "datev.field_unknown": { de: "DATEV-Einstellungen: Feld {field} ist unbekannt (Tippfehler?).", en: "DATEV settings: field {field} is unknown (a typo?)." },
  "datev.invalid_json": { de: "Die DATEV-Einstellungen sind kein gültiges JSON: {detail}", en: "The DATEV settings are not valid JSON: {detail}" },
  "datev.no_debtor": { de: "Rechnung {invoice}: Kunde {customer} hat kein Debitorenkonto. Beim Kunden eintragen oder in den DATEV-Einstellungen defaultDebtor bzw. debtorFromCustomerNo setzen.", en: "Invoice {invoice}: customer {customer} has no debtor account. Set it on the customer, or set defaultDebtor or debtorFromCustomerNo in the DATEV settings." },
  "datev.invalid_debtor": { de: "Rechnung {invoice}: das Debitorenkonto {account} von Kunde {customer} passt nicht zur Sachkontenlänge (erwartet {digits} Ziffern, erste Ziffer 1–6).", en: "Invoice {invoice}: debtor account {account} of customer {customer} does not fit the account length (expected {digits} digits, the first 1–6)." },
  "datev.no_revenue_account": { de: "Rechnung {invoice}: für den Steuersatz {rate} % ist kein Erlöskonto eingestellt (DATEV-Einstellungen revenueAccounts.{rate}).", en: "Invoice {invoice}: no revenue account is set for VAT rate {rate} % (DATEV settings revenueAccounts.{rate})." },
  "datev.zero_booking": { de: "Rechnung {invoice}: beim Steuersatz {rate} % ist der Bruttobetrag 0,00; dafür wird nichts gebucht.", en: "Invoice {invoice}: the gross at VAT rate {rate} % is 0.00; nothing is booked for it." },
  "datev.invalid_ref": { de: "Rechnung {invoice}: die Rechnungsnummer passt nicht in Belegfeld 1 (höchstens 36 Zeichen aus A–Z, a–z, 0–9 und $ & % * + - /, nicht mit + oder - beginnend).", en: "Invoice {invoice}: the invoice number does not fit Belegfeld 1 (at most 36 characters of A–Z, a–z, 0–9 and $ & % * + - /, not starting with + or -)." },
  "datev.fiscal_years": { de: "Die Rechnungsdaten {from} bis {to} liegen in mehr als einem Wirtschaftsjahr (Beginn {fiscalYearStart}); ein DATEV-Stapel darf nur eines umfassen. Getrennt exportieren.", en: "The invoice dates {from} to {to} span more than one fiscal year (starting {fiscalYearStart}); a DATEV batch may cover only one. Export them separately." },
  "datev.label_unencodable": { de: "Die Bezeichnung „{label}“ enthält Zeichen, die es in Windows-1252 nicht gibt: {chars}.", en: 'The label "{label}" holds characters Windows-1252 cannot represent: {chars}.' },
  "datev.no_invoices": { de: "Keine Rechnungen: es wird keine DATEV-Datei geschrieben.", en: "No invoices: no DATEV file is written." },
  "export.unencodable_blocked": { de: "Rechnung {invoice}: die Zeichen {chars} gibt es in Windows-1252 nicht; die Datei wird nicht geschrieben. Den Text im Stamm ändern (Kunde, Position) oder UTF-8 wählen, wo das Ziel es annimmt.", en: "Invoice {invoice}: the characters {chars} do not exist in Windows-1252; the file is not written. Change the text in the master data (customer, position) or choose UTF-8 where the target accepts it." },
  "export.unencodable_header": { de: "Exportprofil {profile}: die Spaltennamen enthalten Zeichen, die es in Windows-1252 nicht gibt: {chars}.", en: "Export profile {profile}: the column headers hold characters Windows-1252 cannot represent: {chars}." },
  "export.accounts_needed": { de: "Exportprofil {profile} gibt Konten aus; dafür werden die DATEV-Einstellungen (Kontenrahmen, Erlöskonten) gebraucht.", en: "Export profile {profile} writes accounts; that needs the DATEV settings (chart, revenue accounts)." },
  "export.unknown_run": { de: "Abrechnungslauf {run} gibt es nicht.", en: "Billing run {run} does not exist." },
  "export.run_undone": { de: "Abrechnungslauf {run} wurde rückgängig gemacht; seine Rechnungen gelten nicht mehr und werden nicht exportiert.", en: "Billing run {run} has been undone; its invoices no longer exist and are not exported." },
  "export.run_without_invoices": { de: "Zu Abrechnungslauf {run} sind keine Rechnungen gespeichert.", en: "No invoices are stored for billing run {run}." },
  "export.unknown_profile": { de: "Exportprofil „{profile}“ gibt es nicht (gespeichert: {profiles}).", en: 'Export profile "{profile}" does not exist (saved: {profiles}).' },
  "export.no_datev_config": { de: "Keine DATEV-Einstellungen: sie speichern (Aufgabenbereich: Abrechnung → Exporteinstellungen laden; CLI: export-settings) oder eine Datei angeben (--datev-config).", en: "No DATEV settings: save them (task pane: Billing → Load export settings; CLI: export-settings) or give a file (--datev-config)." },
  "export.no_company": { de: "Für Rechnungsdokumente fehlen die Firmenangaben: sie speichern (Aufgabenbereich: Abrechnung → Exporteinstellungen laden; CLI: export-settings) oder eine Datei angeben (--company).", en: "Invoice documents need the company data: save it (task pane: Billing → Load export settings; CLI: export-settings) or give a file (--company)." },
  "export.settings_unknown_file": { de: "{file}: weder DATEV-Einstellungen noch Firmenangaben noch Exportprofile. Erwartet wird ein JSON-Objekt mit consultantNo …, eines mit name und address, ein Exportprofil mit columns, oder ein Objekt mit den Feldern datev, company und/oder profiles.", en: "{file}: neither DATEV settings nor company data nor export profiles. Expected a JSON object with consultantNo …, one with name and address, an export profile with columns, or an object with the fields datev, company and/or profiles." },
  "export.settings_invalid_json": { de: "{file} ist kein gültiges JSON: {detail}", en: "{file} is not valid JSON: {detail}" },
  "export.stored_invalid": { de: "Die gespeicherte Einstellung {key} ist ungültig und wird nicht verwendet.", en: "The saved setting {key} is invalid and is not used." },
  "company.field_required": { de: "Firmenangaben: Feld {field} fehlt oder ist leer.", en: "Company data: field {field} is missing or empty." },
  "company.field_invalid": { de: "Firmenangaben: Feld {field}: „{value}“ ist ungültig (erwartet {expected}).", en: 'Company data: field {field}: "{value}" is invalid (expected {expected}).' },
  "company.field_unknown": { de: "Firmenangaben: Feld {field} ist unbekannt (Tippfehler?).", en: "Company data: field {field} is unknown (a typo?)." },
  "company.invalid_json": { de: "Die Firmenangaben sind kein gültiges JSON: {detail}", en: "The company data is not valid JSON: {detail}" },
  "company.tax_id_required": { de: "Firmenangaben: Steuernummer (taxNumber) oder USt-IdNr. (vatId) angeben; eine davon ist Pflichtangabe jeder Rechnung (§ 14 Abs. 4 Nr. 2 UStG).", en: "Company data: give the tax number (taxNumber) or VAT id (vatId); one of them must be on every invoice (§ 14 (4) no. 2 UStG)." },
  "document.customer_address_required": { de: "Rechnung {invoice} über {gross} € brutto: Kunde {customer} hat keine Anschrift. § 14 Abs. 4 Nr. 1 UStG verlangt die vollständige Anschrift des Empfängers (ohne sie nur Kleinbetragsrechnungen bis 250 €, § 33 UStDV). Anschrift in den Stammdaten eintragen (Spalte customer_address); es wurde kein Dokument erstellt.", en: "Invoice {invoice} for {gross} € gross: customer {customer} has no address. § 14 (4) no. 1 UStG requires the recipient's full address (only invoices up to 250 € may leave it out, § 33 UStDV). Enter the address in the master data (column customer_address); no document was made." },
  "document.no_customer_address": { de: "Rechnung {invoice}: Kunde {customer} hat keine Anschrift; das Dokument nennt nur den Namen (§ 14 Abs. 4 Nr. 1 UStG verlangt die vollständige Anschrift).", en: "Invoice {invoice}: customer {customer} has no address; the document shows the name only (§ 14 (4) no. 1 UStG requires the full address)." },
  "document.reverse_charge_with_vat": { de: "Rechnung {invoice}: Kunde {customer} ist als Reverse-Charge-Kunde markiert, die Rechnung weist aber Umsatzsteuer aus. Positionen mit 0 % USt anlegen oder die Markierung entfernen.", en: "Invoice {invoice}: customer {customer} is marked reverse charge, but the invoice charges VAT. Use 0 % VAT positions or remove the mark." },
  "document.reverse_charge_without_vat_id": { de: "Rechnung {invoice}: Reverse-Charge-Kunde {customer} hat keine USt-IdNr.; sie gehört auf die Rechnung.", en: "Invoice {invoice}: reverse-charge customer {customer} has no VAT id; it belongs on the invoice." },
  "document.zero_rate_without_reason": { de: "Rechnung {invoice}: Positionen mit 0 % USt ohne Reverse Charge; der Grund der Steuerbefreiung muss auf der Rechnung stehen (§ 14 Abs. 4 Nr. 8 UStG), z. B. im Positionstext.", en: "Invoice {invoice}: 0 % VAT positions without reverse charge; the reason for the exemption must be on the invoice (§ 14 (4) no. 8 UStG), e.g. in the position text." },
  // e-invoices (src/core/einvoice, src/io/einvoice) and the auditor export (src/io/audit-export)
  "parse.invalid_country": { de: "„{value}“ ist kein Ländercode (zwei Buchstaben nach ISO 3166, z. B. DE, AT).", en: '"{value}" is not a country code (two letters, ISO 3166, e.g. DE, AT).' },
  "einvoice.no_lines": { de: "Rechnung {invoice} hat keine Positionen; eine E-Rechnung braucht mindestens eine.", en: "Invoice {invoice} has no lines; an e-invoice needs at least one." },
  "einvoice.seller_missing": { de: "E-Rechnung {invoice}: in den Firmenangaben fehlt {setting}.", en: "E-invoice {invoice}: the company data lacks {setting}." },
  "einvoice.seller_invalid": { de: "E-Rechnung {invoice}: Firmenangabe {setting} „{value}“ ist ungültig.", en: 'E-invoice {invoice}: company setting {setting} "{value}" is invalid.' },
  "einvoice.customer_missing": { de: "E-Rechnung {invoice}: bei Kunde {customer} fehlt {missing}; in den Stammdaten eintragen.", en: "E-invoice {invoice}: customer {customer} lacks {missing}; enter it in the master data." },
  "einvoice.customer_invalid": { de: "E-Rechnung {invoice}: Kunde {customer}, {field} „{value}“ ist ungültig.", en: 'E-invoice {invoice}: customer {customer}, {field} "{value}" is invalid.' },
  "einvoice.reverse_charge_with_vat": { de: "E-Rechnung {invoice}: Kunde {customer} ist Reverse-Charge-Kunde, die Rechnung weist aber Umsatzsteuer aus.", en: "E-invoice {invoice}: customer {customer} is a reverse-charge customer but the invoice charges VAT." },
  "einvoice.cancellation_without_original": { de: "Stornorechnung {invoice}: Nummer und Datum der stornierten Rechnung fehlen.", en: "Cancellation {invoice}: the cancelled invoice's number and date are missing." },
  "einvoice.rule": { de: "E-Rechnung {invoice}: Regel {rule} verletzt: {detail}", en: "E-invoice {invoice}: rule {rule} broken: {detail}" },
  "einvoice.generator_failed": { de: "E-Rechnung {invoice} ({format}): die Bibliothek @e-invoice-eu/core lehnt die Daten ab: {detail}", en: "E-invoice {invoice} ({format}): the library @e-invoice-eu/core rejects the data: {detail}" },
  "audit.unencodable": { de: "Prüferexport, Tabelle {table}, Zeile {row}, Spalte {column}: die Zeichen {chars} gibt es in Windows-1252 nicht; nichts geschrieben. UTF-8 wählen oder den Text ändern.", en: "Auditor export, table {table}, row {row}, column {column}: the characters {chars} do not exist in Windows-1252; nothing written. Choose UTF-8 or change the text." },
  "audit.bad_value": { de: "Prüferexport, Tabelle {table}, Zeile {row}, Spalte {column}: „{value}“ ist kein Wert vom Typ {expected}.", en: 'Auditor export, table {table}, row {row}, column {column}: "{value}" is not a {expected} value.' },
  "audit.row_length": { de: "Prüferexport, Tabelle {table}, Zeile {row}: {count} Werte statt {expected}.", en: "Auditor export, table {table}, row {row}: {count} values instead of {expected}." },
  "audit.bad_table": { de: "Prüferexport, Tabelle {table}: {detail}", en: "Auditor export, table {table}: {detail}" },
  // time and clicks (ticket time, rules, meter readings; src/core/time, src/core/clicks, src/io/time, src/io/meters, src/app/time.ts, meters.ts, usage-lines.ts)
  "rules.invalid_json": { de: "Die Regeldatei ist kein gültiges JSON: {detail}", en: "The rules file is not valid JSON: {detail}" },
  "rules.field_invalid": { de: "{path}: „{value}“ ist ungültig (erwartet {expected}).", en: '{path}: "{value}" is invalid (expected {expected}).' },
  "rules.field_required": { de: "{path} fehlt.", en: "{path} is missing." },
  "rules.field_unknown": { de: "{path} ist unbekannt (Tippfehler?).", en: "{path} is unknown (a typo?)." },
  "rules.not_whole_units": { de: "{path}: {value} Stunden sind keine ganze Zahl von Arbeitseinheiten zu {minutes} Minuten.", en: "{path}: {value} hours are not a whole number of {minutes}-minute work units." },
  "rules.unknown_contract": { de: "Regeln für Vertrag {contract}, den es (noch) nicht gibt.", en: "Rules for contract {contract}, which does not exist (yet)." },
  "rules.unknown_article": { de: "{path}: Artikel {article} ist unbekannt; Zeilen damit werden erst abgerechnet, wenn es ihn gibt.", en: "{path}: article {article} is unknown; lines with it are billed once it exists." },
  "time.no_profile": { de: "Kein Zeitprofil passt zu den Spalten dieser Datei (gefunden: {headers}). Die Datei ins allgemeine Format bringen (Vorlage „Zeiten“ im Aufgabenbereich, Spalten wie in README „time import“) oder auf der Kommandozeile ein Profil wählen (--profile) bzw. anlegen („time profile add“).", en: "No time profile matches the columns of this file (found: {headers}). Bring the file into the generic format (template \"Time entries\" in the task pane, columns as in the README under `time import`) or, on the command line, choose a profile (--profile) or define one (`time profile add`)." },
  "time.profile_unknown": { de: "Zeitprofil „{profile}“ ist unbekannt (vorhanden: {known}).", en: 'Time profile "{profile}" is unknown (known: {known}).' },
  "time.date_required": { de: "Profil {profile} liest Monatssummen ohne Datum: das Datum mit --date angeben (z. B. den letzten Tag des Monats).", en: "Profile {profile} reads monthly totals without a date: give the date with --date (e.g. the month's last day)." },
  "time.invalid_time": { de: "„{value}“ ist keine Uhrzeit (erwartet HH:MM).", en: '"{value}" is not a time of day (expected HH:MM).' },
  "time.invalid_date_time": { de: "„{value}“ ist kein Zeitpunkt (erwartet JJJJ-MM-TTTHH:MM, z. B. 2026-06-04T19:00:00Z).", en: '"{value}" is not a date-time (expected YYYY-MM-DDTHH:MM, e.g. 2026-06-04T19:00:00Z).' },
  "time.ends_after_max_date": { de: "Der Eintrag endet nach dem 31.12.9999, dem letzten unterstützten Datum.", en: "the entry ends after 9999-12-31, the last supported date." },
  "time.invalid_span": { de: "Dauer von {start} bis {end} ist leer, negativ oder länger als ein Tag.", en: "The span from {start} to {end} is empty, negative or longer than a day." },
  "time.start_end_pair": { de: "Beginn und Ende nur zusammen angeben (oder beide leer lassen und minutes füllen).", en: "Give start and end together (or leave both empty and fill in minutes)." },
  "time.duration_required": { de: "Ohne Beginn und Ende ist die Dauer (Minuten) Pflicht.", en: "Without start and end the duration (minutes) is required." },
  "time.unknown_customer": { de: "Kunde „{customer}“ ist weder eine Kundennummer noch zugeordnet (Zuordnung kind customer, source {profile} oder *).", en: 'Customer "{customer}" is neither a customer number nor mapped (mapping kind customer, source {profile} or *).' },
  "time.unknown_contract": { de: "Vertrag {contract} gehört nicht zu Kunde {customer} oder gibt es nicht; der Eintrag bleibt unabgerechnet.", en: "Contract {contract} does not exist or does not belong to customer {customer}; the entry stays unbilled." },
  "time.unknown_activity": { de: "Für die Tätigkeit „{activity}“ gibt es keinen Stundensatz (Vertrag {contract}); der Eintrag bleibt unabgerechnet, bis die Regeln ihn nennen.", en: 'No hourly rate for activity "{activity}" (contract {contract}); the entry stays unbilled until the rules name it.' },
  "time.unknown_article": { de: "Artikel {article} aus den Regeln ist unbekannt; die Zeilen damit bleiben unabgerechnet.", en: "Article {article} named by the rules is unknown; its lines stay unbilled." },
  "time.changed_after_billing": { de: "Ticket {ticket}: der Eintrag wurde in Lauf {run} schon abgerechnet; die Änderung in der Datei wird nicht übernommen.", en: "Ticket {ticket}: the entry was already billed in run {run}; the change in the file is ignored." },
  "time.review_unknown_customer": { de: "Kunde {customer} ist nicht im Datenbestand; der Lauf rechnet von diesem Eintrag nichts ab.", en: "Customer {customer} is not in the store; the run bills nothing of this entry." },
  "time.review_no_contract": { de: "Kunde {customer} hat am {date} keinen laufenden Vertrag mit Zeitregeln (oder Managed Service / Kontingent): abgerechnet nach den Firmenregeln, ohne Vertragsnummer.", en: "Customer {customer} has no contract with time rules (or managed service / contingent) running on {date}: billed under the company defaults, without a contract number." },
  "time.review_unknown_entry": { de: "Zeiteintrag {entry} gibt es nicht (mehr), z. B. nach dem Rückgängigmachen seines Imports; Blatt neu schreiben.", en: "Time entry {entry} does not exist (any more), e.g. after its import was undone; write the sheet again." },
  "time.review_billed": { de: "Ticket {ticket} (Eintrag {entry}) ist in Lauf {run} schon abgerechnet; die Entscheidung lässt sich nicht mehr ändern (erst den Lauf rückgängig machen).", en: "Ticket {ticket} (entry {entry}) was billed in run {run} already; its decision can no longer change (undo the run first)." },
  "time.review_duplicate_entry": { de: "Zeiteintrag {entry} steht zweimal im Blatt (auch Zeile {other}).", en: "Time entry {entry} appears twice (also row {other})." },
  "time.review_late_ticket_day": { de: "Ticket {ticket} am {date} ist schon mit {billed} Einheiten abgerechnet; der ganze Tag ergibt {day} Einheiten, dieser Eintrag bringt {units} dazu.", en: "Ticket {ticket} on {date} was billed with {billed} units already; the whole day comes to {day} units, this entry adds {units}." },
  "meters.invalid_counter": { de: "„{value}“ ist kein Zählerstand (ganze Zahl ≥ 0).", en: '"{value}" is not a counter reading (whole number ≥ 0).' },
  "meters.unknown_contract": { de: "Vertrag {contract} gibt es nicht.", en: "Contract {contract} does not exist." },
  "meters.contract_of_other_customer": { de: "Vertrag {contract} gehört nicht zu Kunde {customer}.", en: "Contract {contract} does not belong to customer {customer}." },
  "meters.conflicting_reading": { de: "Gerät {device} hat am {date} bereits einen anderen Zählerstand (s/w {bw}, Farbe {color}; {where}).", en: "Device {device} already has a different reading on {date} (b/w {bw}, colour {color}; {where})." },
  "meters.device_other_contract": { de: "Gerät {device} gehört zu Vertrag {contract} (zieht es um, dort zuerst eine Schlussablesung mit final_reading = ja).", en: "Device {device} belongs to contract {contract} (to move it, first a final reading there with final_reading = yes)." },
  "meters.final_stored": { de: "Gerät {device}: die Ablesung vom {date} ist als Schlussablesung gespeichert ({where}), hier nicht; zum Ändern den Import rückgängig machen.", en: "Device {device}: the reading of {date} is stored as a final reading ({where}), here it is not; undo that import to change it." },
  "meters.final_not_stored": { de: "Gerät {device}: die Ablesung vom {date} ist ohne Schlussablesung gespeichert ({where}); zum Ändern den Import rückgängig machen.", en: "Device {device}: the reading of {date} is stored without being final ({where}); undo that import to change it." },
  "meters.out_of_order": { de: "Gerät {device}: Ablesung vom {date} ist nicht neuer als die letzte vom {last} ({where}).", en: "Device {device}: the reading of {date} is not newer than the last one of {last} ({where})." },
  "clicks.reading_missing": { de: "Klickvertrag {contract}, {month}: es liegt kein Zählerstand für den Monat vor; der Monat bleibt offen (auch ein Mindestbetrag), bis eine Ablesung importiert ist, und wird dann mit ihr abgerechnet.", en: "Click contract {contract}, {month}: there is no meter reading for the month; the month stays open (a minimum fee too) until a reading is imported, and is billed with it." },
  "clicks.readings_missing": { de: "Klickvertrag {contract}, {from} bis {to}: für diese {count} Monate liegt kein Zählerstand vor; sie bleiben offen (auch ein Mindestbetrag), bis Ablesungen importiert sind, und werden dann mit ihnen abgerechnet.", en: "Click contract {contract}, {from} to {to}: there is no meter reading for these {count} months; they stay open (a minimum fee too) until readings are imported, and are billed with them." },
  "clicks.counter_backwards_open": { de: "Klickvertrag {contract}, {month}: der Zählerstand von Gerät {device} vom {date} ist kleiner als der vorige; der Monat wird nicht abgerechnet, bis die Ablesung korrigiert ist (Import rückgängig machen und korrigiert neu importieren).", en: "Click contract {contract}, {month}: device {device}'s counter of {date} is lower than the one before; the month is not billed until the reading is corrected (undo its import and import it corrected)." },
  "meters.counter_backwards": { de: "Gerät {device}: Zählerstand {value} ist kleiner als {previous} vom {date} ({where}); Zähler laufen nicht rückwärts (Tippfehler? Nach Tausch oder Zählerreset zuerst eine Schlussablesung mit final_reading = ja).", en: "Device {device}: counter {value} is lower than {previous} of {date} ({where}); counters do not go backwards (a typo? After a swap or a counter reset, first a final reading with final_reading = yes)." },
  "meters.month_billed": { de: "Vertrag {contract}: der Monat {month} ist bereits abgerechnet; Ablesungen dieses Monats werden nicht mehr angenommen.", en: "Contract {contract}: month {month} is already billed; readings of that month are no longer accepted." },
  "meters.review_unknown_customer": { de: "Kunde {customer} ist nicht im Datenbestand; der Lauf rechnet für diesen Vertrag nichts ab.", en: "Customer {customer} is not in the store; the run bills nothing for this contract." },
  "meters.review_no_reading": { de: "Gerät {device} hat im {month} keine Ablesung; seine Seiten zählen im Monat seiner nächsten Ablesung.", en: "Device {device} has no reading in {month}; its pages count in the month of its next reading." },
  "meters.review_baseline": { de: "Erste Ablesung von Gerät {device} ({date}): Ausgangsstand, noch keine Seiten.", en: "First reading of device {device} ({date}): the baseline, no pages yet." },
  "meters.review_final": { de: "Schlussablesung von Gerät {device} am {date}: es verlässt den Vertrag; spätere Monate erwarten keine Ablesung mehr.", en: "Final reading of device {device} on {date}: it leaves the contract; later months expect no reading of it." },
  "meters.review_devices_left": { de: "Alle Geräte von Vertrag {contract} sind abgebaut (zuletzt {device} am {date}); der Vertrag läuft weiter – Vertragsende eintragen?", en: "Every device of contract {contract} has left it (last {device} on {date}); the contract still runs – enter its end?" },
  "meters.review_no_device": { de: "Vertrag {contract} hat bis Ende {month} keine Ablesung.", en: "Contract {contract} has no reading up to the end of {month}." },
  "meters.review_minimum": { de: "Mindestbetrag {minimum} (anteilig), Seiten ergeben {charged}: aufgestockt um {net}.", en: "Minimum fee {minimum} (prorated), pages come to {charged}: topped up by {net}." },
  // SEPA direct debit (mandates, collection plan, pain.008; src/core/sepa, src/io/sepa)
  "sepa.iban_syntax": { de: "„{value}“ ist keine IBAN (Ländercode, zwei Prüfziffern, bis zu 30 Buchstaben und Ziffern).", en: '"{value}" is not an IBAN (country code, two check digits, up to 30 letters and digits).' },
  "sepa.iban_not_sepa": { de: "IBAN „{value}“: {country} gehört nicht zum SEPA-Raum; per SEPA-Lastschrift lässt sich davon nicht einziehen.", en: 'IBAN "{value}": {country} is not in the SEPA area; it cannot be collected by SEPA direct debit.' },
  "sepa.iban_length": { de: "IBAN „{value}“ hat {actual} Stellen; IBANs aus {country} haben {expected}.", en: 'IBAN "{value}" has {actual} characters; IBANs from {country} have {expected}.' },
  "sepa.iban_checksum": { de: "IBAN „{value}“: die Prüfziffern stimmen nicht (Tippfehler?).", en: 'IBAN "{value}": the check digits are wrong (a typo?).' },
  "sepa.iban_national_checksum": { de: "IBAN „{value}“: die Kontonummer passt nicht zur nationalen Prüfziffer ({country}).", en: 'IBAN "{value}": the account number fails the national check digit ({country}).' },
  "sepa.iban_structure": { de: "IBAN „{value}“ hat nicht den Aufbau einer IBAN aus {country}.", en: 'IBAN "{value}" does not have the structure of an IBAN from {country}.' },
  "sepa.bic_invalid": { de: "„{value}“ ist keine BIC (8 oder 11 Zeichen, z. B. COBADEFFXXX).", en: '"{value}" is not a BIC (8 or 11 characters, e.g. COBADEFFXXX).' },
  "sepa.creditor_id_syntax": { de: "„{value}“ ist keine Gläubiger-ID (z. B. DE98ZZZ09999999999: Land, zwei Prüfziffern, Geschäftsbereich, nationale Kennung; in Deutschland 18 Stellen).", en: '"{value}" is not a creditor identifier (e.g. DE98ZZZ09999999999: country, two check digits, business code, national id; 18 characters in Germany).' },
  "sepa.creditor_id_country": { de: "Gläubiger-ID „{value}“: {country} gehört nicht zum SEPA-Raum.", en: 'Creditor identifier "{value}": {country} is not in the SEPA area.' },
  "sepa.creditor_id_checksum": { de: "Gläubiger-ID „{value}“: die Prüfziffern stimmen nicht (Tippfehler?).", en: 'Creditor identifier "{value}": the check digits are wrong (a typo?).' },
  "sepa.creditor_no_name": { de: "Lastschrift-Einstellungen: der Name des Zahlungsempfängers fehlt.", en: "Direct debit settings: the creditor name is missing." },
  "sepa.mandate_ref_too_long": { de: "Mandatsreferenz „{value}“ hat {length} Zeichen; erlaubt sind höchstens 35.", en: 'Mandate reference "{value}" has {length} characters; at most 35 are allowed.' },
  "sepa.mandate_ref_chars": { de: "Mandatsreferenz „{value}“ enthält unzulässige Zeichen ({chars}); erlaubt sind A–Z, a–z, 0–9 und + ? / - : ( ) . , ' ohne Leerzeichen.", en: "Mandate reference \"{value}\" holds characters that are not allowed ({chars}); allowed are A–Z, a–z, 0–9 and + ? / - : ( ) . , ' without spaces." },
  "sepa.mandate_ref_slash": { de: "Mandatsreferenz „{value}“ darf nicht mit / beginnen oder enden und kein // enthalten.", en: 'Mandate reference "{value}" must not start or end with / or contain //.' },
  "sepa.mandate_no_name": { de: "Mandat {mandate} (Kunde {customer}): der Name des Kontoinhabers fehlt.", en: "Mandate {mandate} (customer {customer}): the account holder's name is missing." },
  "sepa.mandate_signed_in_future": { de: "Mandat {mandate} (Kunde {customer}): das Unterschriftsdatum {date} liegt in der Zukunft.", en: "Mandate {mandate} (customer {customer}): the signature date {date} is in the future." },
  "sepa.mandate_used_before_signature": { de: "Mandat {mandate} (Kunde {customer}): der letzte Einzug am {date} liegt vor der Unterschrift am {signed}.", en: "Mandate {mandate} (customer {customer}): the last collection on {date} is before the signature on {signed}." },
  "sepa.amendment_before_signature": { de: "Mandat {mandate} (Kunde {customer}): die Änderung vom {date} liegt vor der Unterschrift am {signed}.", en: "Mandate {mandate} (customer {customer}): the amendment of {date} is before the signature on {signed}." },
  "sepa.amendment_incomplete": { de: "Für eine Mandatsänderung changed_on zusammen mit previous_mandate_ref und/oder previous_iban angeben.", en: "For a mandate amendment give changed_on together with previous_mandate_ref and/or previous_iban." },
  "sepa.amendment_unchanged": { de: "Die frühere Angabe „{value}“ ist dieselbe wie die jetzige; das ist keine Änderung.", en: 'The previous value "{value}" equals the current one; that is no amendment.' },
  "sepa.duplicate_customer": { de: "Kunde {customer} hat schon in Zeile {otherRow} ein Mandat; je Kunde gilt ein Mandat.", en: "Customer {customer} already has a mandate in row {otherRow}; one mandate per customer." },
  "sepa.duplicate_mandate_ref": { de: "Mandatsreferenz {mandate} steht schon in Zeile {otherRow} (Groß-/Kleinschreibung zählt nicht).", en: "Mandate reference {mandate} is already used in row {otherRow} (case does not count)." },
  "sepa.collection_not_business_day": { de: "Am {date} wird im SEPA-Verfahren nicht gebucht (TARGET2-Feiertag oder Wochenende); nächster Geschäftstag: {next}.", en: "SEPA does not settle on {date} (TARGET2 holiday or weekend); next business day: {next}." },
  "sepa.collection_too_early": { de: "Fälligkeit {date} ist zu früh: die Datei muss {days|TARGET2-Geschäftstag|TARGET2-Geschäftstage} vor Fälligkeit bei der Bank sein; frühestens {earliest} bei Einreichung am {today}.", en: "Collection date {date} is too early: the file must reach the bank {days|TARGET2 business day|TARGET2 business days} before; {earliest} at the earliest when handed in on {today}." },
  "sepa.repeat_export": { de: "Rechnung {invoice} stand schon in {files} und wird auf Wunsch erneut eingezogen. Nur einreichen, wenn die frühere Datei nicht gebucht wurde.", en: "Invoice {invoice} was already in {files} and is collected again on request. Submit only if the earlier file was not booked." },
  "sepa.prenotification_short": { de: "{count|Rechnung|Rechnungen}, z. B. {invoice}, liegen weniger als {days} Tage vor der Fälligkeit {date}; die Vorabankündigung muss so früh beim Kunden sein, wenn nichts Kürzeres vereinbart ist.", en: "{count|invoice|invoices}, e.g. {invoice}, are less than {days} days before the collection date {date}; the pre-notification must reach the customer that early unless a shorter period is agreed." },
  "sepa.message_id_invalid": { de: "„{value}“ taugt nicht als Nachrichten-ID (1–33 Zeichen aus A–Z, a–z, 0–9 und + ? / - : ( ) . , ').", en: "\"{value}\" is not usable as a message id (1–33 characters of A–Z, a–z, 0–9 and + ? / - : ( ) . , ')." },
  "sepa.no_payments": { de: "Keine Lastschrift zum Einziehen: es wird keine Datei geschrieben.", en: "No direct debit to collect: no file is written." },
  "sepa.debit_notice": { de: "Der Betrag wird am {date} per SEPA-Lastschrift von Ihrem Konto {iban} eingezogen (Mandatsreferenz {mandate}, Gläubiger-ID {creditorId}).", en: "The amount will be collected by SEPA direct debit from your account {iban} on {date} (mandate reference {mandate}, creditor identifier {creditorId})." },
  "sepa.debit_notice_earliest": { de: "Der Betrag wird frühestens am {date} per SEPA-Lastschrift von Ihrem Konto {iban} eingezogen (Mandatsreferenz {mandate}, Gläubiger-ID {creditorId}).", en: "The amount will be collected by SEPA direct debit from your account {iban} on {date} at the earliest (mandate reference {mandate}, creditor identifier {creditorId})." },
  "sepa.debit_notice_netted": { de: "Der Betrag von {amount} (nach Verrechnung mit {credits}) wird am {date} per SEPA-Lastschrift von Ihrem Konto {iban} eingezogen (Mandatsreferenz {mandate}, Gläubiger-ID {creditorId}).", en: "The amount of EUR {amount} (after netting {credits}) will be collected by SEPA direct debit from your account {iban} on {date} (mandate reference {mandate}, creditor identifier {creditorId})." },
  "sepa.settings.field_required": { de: "Lastschrift-Einstellungen: Feld {field} fehlt oder ist leer.", en: "Direct debit settings: field {field} is missing or empty." },
  "sepa.settings.field_invalid": { de: "Lastschrift-Einstellungen: Feld {field}: „{value}“ ist ungültig (erwartet {expected}).", en: 'Direct debit settings: field {field}: "{value}" is invalid (expected {expected}).' },
  "sepa.settings.field_unknown": { de: "Lastschrift-Einstellungen: Feld {field} ist unbekannt (Tippfehler?).", en: "Direct debit settings: field {field} is unknown (a typo?)." },
  "sepa.settings.invalid_json": { de: "Die Lastschrift-Einstellungen sind kein gültiges JSON: {detail}", en: "The direct debit settings are not valid JSON: {detail}" },
  // SEPA report: why a document of the run is not collected (src/core/sepa/plan.ts)
  "sepa.settings_missing": { de: "Keine Lastschrift-Einstellungen gespeichert (Gläubiger-ID, unser Konto): zuerst `sepa settings` bzw. im Aufgabenbereich eintragen.", en: "No direct debit settings stored (creditor id, our account): set them first with `sepa settings` or in the task pane." },
  "sepa.run_already_exported": { de: "Lauf {run}: {count} Rechnung(en) stehen schon in einer früheren Lastschriftdatei. Nur mit --repeat (Wiederholung) erneut exportieren, wenn die frühere Datei nicht bei der Bank eingereicht wurde.", en: "Run {run}: {count} invoice(s) are in an earlier direct debit file already. Export them again only with --repeat, when the earlier file was not submitted to the bank." },
  "sepa.report.collected": { de: "Eingezogen: {count} Lastschrift(en) {scheme}/{sequence} über {total} EUR zum {date}.", en: "Collected: {count} direct debit(s) {scheme}/{sequence}, EUR {total}, on {date}." },
  "sepa.report.credit_note": { de: "{invoice} (Kunde {customer}, {amount}): Gutschrift, wird nicht eingezogen.", en: "{invoice} (customer {customer}, {amount}): credit note, not collected." },
  "sepa.report.cancellation": { de: "{invoice} (Kunde {customer}, {amount}): Stornorechnung, wird nicht eingezogen.", en: "{invoice} (customer {customer}, {amount}): cancellation, not collected." },
  "sepa.report.cancels_invoice": { de: "{invoice} (Kunde {customer}, {amount}): Storno von {cancelled} aus diesem Lauf; beide werden nicht eingezogen.", en: "{invoice} (customer {customer}, {amount}): cancels {cancelled} of this run; neither is collected." },
  "sepa.report.cancelled": { de: "{invoice} (Kunde {customer}, {amount}): durch {cancellation} storniert, wird nicht eingezogen.", en: "{invoice} (customer {customer}, {amount}): cancelled by {cancellation}, not collected." },
  "sepa.report.cancelled_after_export": { de: "{invoice} (Kunde {customer}, {amount}): durch {cancellation} storniert, stand aber schon in {files}. Den Einzug prüfen und gegebenenfalls erstatten.", en: "{invoice} (customer {customer}, {amount}): cancelled by {cancellation} but already in {files}. Check the collection and refund it if need be." },
  "sepa.report.netted": { de: "{invoice} (Kunde {customer}, {amount}): mit {invoices} verrechnet ({used}).", en: "{invoice} (customer {customer}, {amount}): netted against {invoices} ({used})." },
  "sepa.report.netted_partly": { de: "{invoice} (Kunde {customer}, {amount}): {used} mit {invoices} verrechnet; {rest} bleiben offen und sind zu erstatten.", en: "{invoice} (customer {customer}, {amount}): {used} netted against {invoices}; {rest} remain to be refunded." },
  "sepa.report.credit_already_offset": { de: "{invoice} (Kunde {customer}, {amount}): schon in einer früheren Datei verrechnet ({used}).", en: "{invoice} (customer {customer}, {amount}): already netted in an earlier file ({used})." },
  "sepa.report.not_direct_debit": { de: "{invoice} (Kunde {customer}, {amount}): der Kunde zahlt per Überweisung.", en: "{invoice} (customer {customer}, {amount}): the customer pays by transfer." },
  "sepa.report.zero_or_negative": { de: "{invoice} (Kunde {customer}, {amount}): Betrag null oder negativ, nichts einzuziehen.", en: "{invoice} (customer {customer}, {amount}): zero or negative amount, nothing to collect." },
  "sepa.report.offset_by_credits": { de: "{invoice} (Kunde {customer}, {amount}): durch {credits} vollständig verrechnet, nichts einzuziehen.", en: "{invoice} (customer {customer}, {amount}): fully netted by {credits}, nothing to collect." },
  "sepa.report.already_exported": { de: "{invoice} (Kunde {customer}, {amount}): stand schon in {files} (Fälligkeit {date}); wird nicht doppelt eingezogen. Nur ausdrücklich wiederholen.", en: "{invoice} (customer {customer}, {amount}): already in {files} (collection date {date}); not collected twice. Repeat only explicitly." },
  "sepa.report.invalid_reference": { de: "{invoice} (Kunde {customer}, {amount}): die Rechnungsnummer taugt nicht als SEPA-Referenz (höchstens 35 Zeichen aus A–Z, a–z, 0–9 und + ? / - : ( ) . , ').", en: "{invoice} (customer {customer}, {amount}): the invoice number is not usable as SEPA reference (at most 35 characters of A–Z, a–z, 0–9 and + ? / - : ( ) . , ')." },
  "sepa.report.no_mandate": { de: "{invoice} (Kunde {customer}, {amount}): kein Lastschriftmandat hinterlegt.", en: "{invoice} (customer {customer}, {amount}): no direct debit mandate on record." },
  "sepa.report.invalid_mandate": { de: "{invoice} (Kunde {customer}, {amount}): Mandat {mandate} ist fehlerhaft (siehe Einzelheiten).", en: "{invoice} (customer {customer}, {amount}): mandate {mandate} is invalid (see details)." },
  "sepa.report.mandate_revoked": { de: "{invoice} (Kunde {customer}, {amount}): Mandat {mandate} ist seit {date} widerrufen.", en: "{invoice} (customer {customer}, {amount}): mandate {mandate} is revoked since {date}." },
  "sepa.report.mandate_expired": { de: "{invoice} (Kunde {customer}, {amount}): Mandat {mandate} ist seit {date} verfallen (36 Monate ohne Einzug seit {last}); ein neues Mandat einholen.", en: "{invoice} (customer {customer}, {amount}): mandate {mandate} lapsed on {date} (36 months without collection since {last}); obtain a new mandate." },
  "sepa.report.amount_too_large": { de: "{invoice} (Kunde {customer}, {amount}): mehr als {max} EUR lassen sich nicht per Lastschrift einziehen.", en: "{invoice} (customer {customer}, {amount}): more than EUR {max} cannot be collected by direct debit." },
  // issue 20: what a settings validator expected (the `expected` param of *.field_invalid; src/core/expectation.ts) and the e-invoice rule details (`detail` of einvoice.rule)
  "expect.object": { de: "ein JSON-Objekt", en: "a JSON object" },
  "expect.text": { de: "einen nicht leeren Text", en: "a non-empty text" },
  "expect.list": { de: "eine Liste [ … ]", en: "a list [ … ]" },
  "expect.boolean": { de: "true oder false", en: "true or false" },
  "expect.header": { de: "eine Spaltenüberschrift", en: "a column header" },
  "expect.header_list": { de: "eine nicht leere Liste von Spaltenüberschriften", en: "a non-empty list of column headers" },
  "expect.text_list": { de: "eine Liste von Texten", en: "a list of texts" },
  "expect.column_map": { de: "ein Objekt Feld → Spaltenüberschrift", en: "an object of field → column header" },
  "expect.decimal": { de: "eine Dezimalzahl mit Punkt, z. B. „{example}“", en: 'a decimal number such as "{example}"' },
  "expect.min0": { de: "eine Zahl ≥ 0", en: "a number ≥ 0" },
  "expect.min": { de: "mindestens {min}", en: "at least {min}" },
  "expect.percent": { de: "einen Prozentsatz von 0 bis 100", en: "a percentage from 0 to 100" },
  "expect.whole_min": { de: "eine ganze Zahl ≥ {min}", en: "a whole number ≥ {min}" },
  "expect.whole_range": { de: "eine ganze Zahl von {min} bis {max}", en: "a whole number from {min} to {max}" },
  "expect.max_minutes": { de: "höchstens {max} Minuten", en: "at most {max} minutes" },
  "expect.max_chars": { de: "höchstens {max} Zeichen", en: "at most {max} characters" },
  "expect.decimal_as_text": { de: "die Zahl als Text in Anführungszeichen (eine JSON-Zahl mit 16 oder mehr Stellen wird beim Lesen gerundet)", en: "the number as a text (a JSON number of 16 or more digits is rounded when read)" },
  "expect.max_integer_digits": { de: "eine Zahl mit höchstens {digits} Stellen vor dem Komma", en: "a number with at most {digits} digits before the point" },
  "expect.max_fraction_digits": { de: "eine Zahl mit höchstens {digits} Nachkommastellen", en: "a number with at most {digits} digits after the point" },
  "expect.one_of": { de: "einen dieser Werte: {choices}", en: "one of {choices}" },
  "expect.exact": { de: "„{exact}“", en: '"{exact}"' },
  "expect.id": { de: "Buchstaben, Ziffern, . _ - (höchstens 64 Zeichen)", en: "letters, digits, . _ - (at most 64)" },
  "expect.currency": { de: "einen dreibuchstabigen ISO-Code wie EUR", en: "a three-letter ISO code such as EUR" },
  "expect.article_no": { de: "eine Artikelnummer", en: "an article number" },
  "expect.activity_name": { de: "einen Tätigkeitsnamen", en: "an activity name" },
  "expect.activity_of": { de: "eine der Tätigkeiten ({choices})", en: "one of the activities ({choices})" },
  "expect.iso_date": { de: "ein Datum JJJJ-MM-TT", en: "a date YYYY-MM-DD" },
  "expect.month_day": { de: "MM-TT, z. B. 01-01", en: "MM-DD, e.g. 01-01" },
  "expect.month_day_or_date": { de: "MM-TT (jedes Jahr) oder JJJJ-MM-TT", en: "MM-DD (every year) or YYYY-MM-DD" },
  "expect.clock": { de: "eine Uhrzeit HH:MM", en: "a time HH:MM" },
  "expect.clock_24": { de: "eine Uhrzeit HH:MM (24:00 erlaubt)", en: "a time HH:MM (24:00 allowed)" },
  "expect.clock_differs": { de: "eine andere Uhrzeit als bei „from“", en: "a time different from `from`" },
  "expect.from_and_to": { de: "„from“ und „to“ zusammen oder keins von beiden", en: "both from and to, or neither" },
  "expect.start_and_end": { de: "Beginn und Ende zusammen (start, end)", en: "start and end together" },
  "expect.one_day": { de: "mindestens einen Tag", en: "at least one day" },
  "expect.date_time_seconds": { de: "einen Zeitpunkt JJJJ-MM-TTTHH:MM:SS", en: "a date-time YYYY-MM-DDTHH:MM:SS" },
  "expect.unused_by_method": { de: "kein Wert: die Methode {method} verwendet dieses Feld nicht", en: "nothing: method {method} does not use it" },
  "expect.sign_without_amount": { de: "asIs oder flip, solange keine Betragsspalte zugeordnet ist", en: "asIs or flip when no amount column is mapped" },
  "expect.usage_rows": { de: "„all“ oder ein Objekt mit column und values", en: '"all" or an object with column and values' },
  "expect.profile_list": { de: "eine Liste von Profilen", en: "a list of profiles" },
  "expect.one_profile": { de: "mindestens ein Profil", en: "at least one profile" },
  "expect.export_columns": { de: "eine nicht leere Liste von Spalten mit source und header", en: "a non-empty list of columns with source and header" },
  "expect.export_column": { de: "eine Spalte mit source und header", en: "a column with source and header" },
  "expect.literal_text": { de: "den festen Text einer literal-Spalte", en: "the fixed text of a literal column" },
  "expect.no_value": { de: "keinen Wert (nur eine literal-Spalte hat einen)", en: "no value (only a literal column has one)" },
  "expect.field_of_level": { de: "ein Feld der Ebene {level} ({name} gibt es auf Ebene {levels})", en: "a field of level {level} ({name} exists at {levels})" },
  "expect.unique_header": { de: "eine noch nicht verwendete Überschrift (columns[{index}] hat sie schon)", en: "a header not used before (columns[{index}] has it)" },
  "expect.debtor_account": { de: "ein Debitorenkonto mit {digits} Ziffern, erste Ziffer 1–6", en: "a debtor account of {digits} digits starting with 1–6" },
  "expect.vat_rate_key": { de: "einen Steuersatz in Prozent als Schlüssel, z. B. „19“", en: 'a VAT rate in percent as the key, e.g. "19"' },
  "expect.account_no": { de: "eine Kontonummer", en: "an account number" },
  "expect.iban": { de: "eine IBAN mit gültigen Prüfziffern, z. B. DE89 3704 0044 0532 0130 00 (Tippfehler?)", en: "an IBAN with valid check digits, e.g. DE89 3704 0044 0532 0130 00 (a typo?)" },
  "expect.email": { de: "eine E-Mail-Adresse wie rechnung@firma.de", en: "an e-mail address such as invoices@company.com" },
  "expect.ledger_account": { de: "ein Sachkonto mit höchstens {digits} Ziffern", en: "an account of at most {digits} digits" },
  "expect.type_numeric": { de: "Zahl mit {decimals} Nachkommastellen", en: "numeric ({decimals} decimals)" },
  "expect.type_date": { de: "Datum (JJJJ-MM-TT)", en: "date (YYYY-MM-DD)" },
  "einvoice.detail.not_amount": { de: "{term} = „{value}“ ist kein Betrag", en: '{term} = "{value}" is not an amount' },
  "einvoice.detail.line_not_amount": { de: "Position {line}: {term} = „{value}“ ist kein Betrag", en: 'line {line}: {term} = "{value}" is not an amount' },
  "einvoice.detail.too_many_decimals": { de: "{term} = {value} hat mehr als zwei Nachkommastellen", en: "{term} = {value} has more than two decimals" },
  "einvoice.detail.line_too_many_decimals": { de: "Position {line}: {term} = {value} hat mehr als zwei Nachkommastellen", en: "line {line}: {term} = {value} has more than two decimals" },
  "einvoice.detail.no_line": { de: "keine Rechnungsposition", en: "no invoice line" },
  "einvoice.detail.sum_mismatch": { de: "{term} {amount} ≠ {formula} = {should}", en: "{term} {amount} ≠ {formula} = {should}" },
  "einvoice.detail.no_vat_breakdown": { de: "keine Aufschlüsselung der Umsatzsteuer", en: "no VAT breakdown" },
  "einvoice.detail.negative_price": { de: "Position {line}: Nettopreis (BT-146) {value} ist negativ oder fehlt", en: "line {line}: BT-146 {value} is negative or missing" },
  "einvoice.detail.period_reversed": { de: "Position {line}: Leistungsende (BT-135) {end} liegt vor dem Beginn (BT-134) {start}", en: "line {line}: BT-135 {end} before BT-134 {start}" },
  "einvoice.detail.group_tax_mismatch": { de: "{category} {rate} %: BT-117 {amount} ≠ BT-116 × BT-119 / 100 = {should}", en: "{category} {rate} %: BT-117 {amount} ≠ BT-116 × BT-119 / 100 = {should}" },
  "einvoice.detail.group_taxable_mismatch": { de: "{category} {rate} %: BT-116 {amount} ≠ Σ BT-131 der Positionen = {should}", en: "{category} {rate} %: BT-116 {amount} ≠ Σ BT-131 of its lines = {should}" },
  "einvoice.detail.breakdown_without_lines": { de: "Steueraufschlüsselung {category} {rate} % ohne Position dieser Kategorie und dieses Satzes", en: "VAT breakdown {category} {rate} % without a line of that category and rate" },
  "einvoice.detail.lines_without_breakdown": { de: "Positionen der Kategorie {category} zu {rate} % haben keine Steueraufschlüsselung", en: "lines of category {category} at {rate} % have no VAT breakdown" },
  "einvoice.detail.category_rate": { de: "Kategorie {category} mit Steuersatz {rate}", en: "category {category} with rate {rate}" },
  "einvoice.detail.category_vat": { de: "Kategorie {category} mit Umsatzsteuer {value}", en: "category {category} with VAT {value}" },
  "einvoice.detail.category_without_seller_tax_id": { de: "Kategorie {category} ohne USt-IdNr. oder Steuernummer des Verkäufers", en: "category {category} without seller VAT id or tax number" },
  "einvoice.detail.no_exemption_reason": { de: "Kategorie {category} ohne Befreiungsgrund (BT-120/121)", en: "category {category} without exemption reason (BT-120/121)" },
  "einvoice.detail.reverse_charge_without": { de: "Steuerschuldnerschaft des Leistungsempfängers ohne {term}", en: "reverse charge without {term}" },
  "einvoice.detail.missing": { de: "{term} fehlt", en: "{term} missing" },
  "einvoice.detail.no_due_date": { de: "Zahlbetrag ohne Fälligkeitsdatum (BT-9) oder Zahlungsbedingungen (BT-20)", en: "amount due without due date (BT-9) or payment terms (BT-20)" },
  "einvoice.detail.type_code": { de: "Rechnungsart {value} ist nicht zulässig", en: "type code {value} is not allowed" },
  "einvoice.detail.phone_digits": { de: "Telefonnummer des Verkäufers „{value}“ hat weniger als drei Ziffern", en: 'seller telephone "{value}" has fewer than three digits' },
  "einvoice.detail.email_invalid": { de: "E-Mail des Verkäufers „{value}“ ist keine E-Mail-Adresse", en: 'seller e-mail "{value}" is not an e-mail address' },
  "einvoice.detail.iban_invalid": { de: "{term} „{value}“ ist keine gültige IBAN", en: '{term} "{value}" is not a valid IBAN' },
  "einvoice.detail.transfer_without": { de: "Überweisung ohne {term}", en: "credit transfer without {term}" },
  "einvoice.detail.debit_without": { de: "Lastschrift ohne {term}", en: "direct debit without {term}" },
  "einvoice.detail.payment_means": { de: "Zahlungsart {value} ist weder Überweisung noch Lastschrift noch Verrechnung", en: "payment means {value} is neither credit transfer nor direct debit nor clearing" },
  "einvoice.detail.cancellation_without_reference": { de: "Stornorechnung ohne Verweis auf die stornierte Rechnung (BT-25)", en: "cancellation without preceding invoice reference (BT-25)" },
  // issue 20 forms: the vendor profile editor and the settings forms of the task pane
  "profile.draft_date_and_period": { de: "Entweder ein Buchungsdatum oder Leistungsbeginn/-ende zuordnen, nicht beides.", en: "Assign either a charge date or a period start/end, not both." },
};

/** Params holding a code word, as the reader says it (`frequency: annual` → "jährlich" / "annually"). */
const PARAM_WORDS: Record<string, Record<string, Text>> = {
  // The customer columns an e-invoice needs (einvoice.customer_missing): what it is, the sheet's
  // header (src/io/sheets/master-words.ts) and the CSV column.
  missing: {
    "customer_street, customer_postcode, customer_city | customer_address": {
      de: "die Anschrift (Spalten „Straße“, „PLZ“, „Ort“ oder „Kundenanschrift“; customer_street, customer_postcode, customer_city oder customer_address)",
      en: "the address (columns customer_street, customer_postcode, customer_city or customer_address)",
    },
    "customer_email | buyer_reference": {
      de: "die elektronische Adresse für die E-Rechnung (BT-49): eine E-Mail-Adresse (Spalte „E-Mail“, customer_email) oder die Leitweg-ID (Spalte „Leitweg-ID / Käuferreferenz“, buyer_reference)",
      en: "the electronic address for the e-invoice (BT-49): an e-mail address (column customer_email) or the Leitweg-ID (column buyer_reference)",
    },
    vat_id: { de: "die USt-IdNr., die eine Reverse-Charge-Rechnung nennen muss (Spalte „USt-IdNr.“, vat_id)", en: "the VAT id a reverse-charge invoice must state (column vat_id)" },
    vat_exemption_reason: { de: "der Grund der Steuerbefreiung für die Zeilen mit 0 % USt (Spalte „Grund der Steuerbefreiung“, vat_exemption_reason)", en: "the VAT exemption reason for the 0 % lines (column vat_exemption_reason)" },
    sepa_mandate_ref: { de: "die Mandatsreferenz der Lastschrift (Spalte „Mandatsreferenz“, sepa_mandate_ref)", en: "the direct debit's mandate reference (column sepa_mandate_ref)" },
    sepa_debtor_iban: { de: "die IBAN des Zahlers der Lastschrift (Spalte „IBAN Zahler“, sepa_debtor_iban)", en: "the direct debit payer's IBAN (column sepa_debtor_iban)" },
  },
  setting: {
    datev: { de: "DATEV", en: "DATEV" },
    company: { de: "Firmenangaben", en: "company data" },
    exportProfile: { de: "Exportprofil", en: "export profile" },
    lastBackup: { de: "Zeitpunkt der letzten Sicherung", en: "time of the last backup" },
    timeRules: { de: "Zeitregeln", en: "time rules" },
    timeProfile: { de: "Zeitprofil", en: "time profile" },
    usageRules: { de: "Verbrauchsregeln", en: "usage rules" },
    sepa: { de: "SEPA", en: "SEPA" },
  },
  mappingKind: {
    customer: { de: "Kunden", en: "Customer" },
    article: { de: "Artikel", en: "Article" },
  },
  keptBy: {
    newer: { de: "zuletzt geschrieben laut Prüfprotokoll", en: "newest write in the audit log" },
    normal_form: { de: "schon in einheitlicher Schreibweise", en: "already in normal form" },
    id_order: { de: "erste nach ID", en: "first by id" },
  },
  // e-invoice business terms named in einvoice.detail.* (issue 20)
  term: {
    "BG-6": { de: "Kontakt des Verkäufers (BG-6)", en: "seller contact (BG-6)" },
    "BT-41": { de: "Ansprechpartner des Verkäufers (BT-41)", en: "seller contact point (BT-41)" },
    "BT-42": { de: "Telefon des Verkäufers (BT-42)", en: "seller contact telephone (BT-42)" },
    "BT-43": { de: "E-Mail des Verkäufers (BT-43)", en: "seller contact e-mail (BT-43)" },
    "BT-37": { de: "Ort des Verkäufers (BT-37)", en: "seller city (BT-37)" },
    "BT-38": { de: "Postleitzahl des Verkäufers (BT-38)", en: "seller post code (BT-38)" },
    "BT-52": { de: "Ort des Käufers (BT-52)", en: "buyer city (BT-52)" },
    "BT-53": { de: "Postleitzahl des Käufers (BT-53)", en: "buyer post code (BT-53)" },
    "BT-10": { de: "Käuferreferenz/Leitweg-ID (BT-10)", en: "buyer reference (BT-10)" },
    "BT-31": { de: "USt-IdNr. des Verkäufers (BT-31)", en: "the seller's VAT id (BT-31)" },
    "BT-48": { de: "USt-IdNr. des Käufers (BT-48)", en: "the buyer's VAT id (BT-48)" },
    "BT-31/BT-32": { de: "USt-IdNr. (BT-31) oder Steuernummer (BT-32) des Verkäufers", en: "seller VAT id (BT-31) or tax number (BT-32)" },
    "BT-34": { de: "elektronische Adresse des Verkäufers (BT-34)", en: "seller electronic address (BT-34)" },
    "BT-49": { de: "elektronische Adresse des Käufers (BT-49)", en: "buyer electronic address (BT-49)" },
    "BG-16": { de: "Zahlungsanweisungen (BG-16)", en: "payment instructions (BG-16)" },
    "BT-84": { de: "Konto des Zahlungsempfängers (BT-84)", en: "account (BT-84)" },
    "BT-89": { de: "Mandatsreferenz (BT-89)", en: "mandate reference (BT-89)" },
    "BT-90": { de: "Gläubiger-ID (BT-90)", en: "creditor id (BT-90)" },
    "BT-91": { de: "belastetes Konto (BT-91)", en: "debited account (BT-91)" },
  },
  frequency: {
    monthly: { de: "monatlich", en: "monthly" },
    annual: { de: "jährlich", en: "annually" },
    triennial: { de: "alle drei Jahre", en: "every three years" },
    one_time: { de: "einmalig", en: "once" },
  },
};

/** Params that echo what the user typed or named stay verbatim (a bad value must read as typed). */
const VERBATIM = new Set(["id", "value", "file", "files", "detail", "column", "columns", "path", "source", "profile", "store", "backup", "expected", "format", "choices", "example", "exact"]);

/**
 * A param as the reader's language writes it: ISO months as "November 2026", in German ISO dates
 * as 15.03.2026 and decimals with a comma (0,548387). Ids and user input are left alone.
 */
export function formatParam(key: string, value: unknown, lang: Lang): string {
  const text = String(value);
  if (VERBATIM.has(key)) return text;
  const word = PARAM_WORDS[key]?.[text];
  if (word) return word[lang];
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return monthName(text, lang);
  if (lang === "en") return text;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) return `${date[3]}.${date[2]}.${date[1]}`;
  const decimal = /^(-?\d+)\.(\d+)$/.exec(text);
  if (decimal) return `${decimal[1]},${decimal[2]}`;
  return text;
}

/**
 * Renders an issue's text (without its location). `{name}` takes a param (formatted per language);
 * `{count|Zeile|Zeilen}` a number with its noun in singular or plural. Unknown codes fall back to
 * the code and params.
 */
export function messageText(issue: Issue, lang: Lang = "en"): string {
  const text = MESSAGES[issue.code];
  if (!text) return `${issue.code} ${JSON.stringify(issue.params)}`;
  return renderMessage(text[lang], issue, lang);
}

/**
 * Fills a message text's placeholders from the issue's params as {@link messageText} does (`{name}`,
 * `{count|one|many}`, nested `expect.*` codes): for a host that words a code its own way (the task
 * pane leaves out command-line options and JSON field names).
 */
export function renderMessage(text: string, issue: Issue, lang: Lang = "en"): string {
  return text.replace(/\{(\w+)(?:\|([^|}]*)\|([^|}]*))?\}/g, (_, key: string, one?: string, many?: string) => {
    const value = issue.params[key];
    if (value === undefined || value === null) return `{${key}}`;
    const nested = nestedCode(key, value);
    if (nested !== null) return messageText({ ...issue, code: nested }, lang);
    if (one === undefined) return formatParam(key, value, lang);
    return `${formatParam(key, value, lang)} ${Number(value) === 1 ? one : many}`;
  });
}

/**
 * A param that is itself a message code, rendered with the issue's params: `expected` holding an
 * `expect.*` code (what a validator wanted, src/core/expectation.ts) and `detail` holding an
 * `einvoice.detail.*` code. Any other value of these params is shown as it is (a count, a hash, a
 * library's own text).
 */
function nestedCode(key: string, value: string | number): string | null {
  if (typeof value !== "string" || MESSAGES[value] === undefined) return null;
  if (key === "expected" && value.startsWith("expect.")) return value;
  if (key === "detail" && value.startsWith("einvoice.detail.")) return value;
  return null;
}

/** Renders where an issue happened, e.g. `contracts.csv, row 14, column "valid_from"`. */
export function locationText(issue: Issue, lang: Lang = "en"): string {
  const w = issue.where;
  if (!w) return "";
  const parts: string[] = [];
  if (w.cell) parts.push(w.cell);
  else {
    if (w.source) parts.push(w.source);
    if (w.row !== undefined) parts.push(lang === "de" ? `Zeile ${w.row}` : `row ${w.row}`);
    if (w.column !== undefined) parts.push(lang === "de" ? `Spalte „${w.column}“` : `column "${w.column}"`);
  }
  return parts.join(", ");
}

/** An audit entry as a sentence in a language (`Vertrag/Position V-1001/1: neuer Stand`). */
export function auditText(entry: { kind: string; entity: string }, lang: Lang = "en"): string {
  return notesText([auditNote(entry)], lang);
}

/** An audit entry's object in words (`contract:V-1/2` → "Vertrag/Position V-1/2"). */
export function auditObjectText(entity: string, lang: Lang = "en"): string {
  return notesText([auditObjectNote(entity)], lang).trim();
}

/** An audit entry's source in words (`manual` → "manuell"; ids and file hashes as they are). */
export function auditSourceText(source: string, lang: Lang = "en"): string {
  return notesText([auditSourceNote(source)], lang);
}

/** Notes of a row (message codes with params) as one cell's text in a language, joined by "; ". */
export function notesText(notes: readonly Pick<Issue, "code" | "params">[], lang: Lang = "en"): string {
  return notes.map((n) => messageText({ ...n, severity: "info" }, lang)).join("; ");
}

/** Location and text of an issue in one line, as the CLI and the task pane show it. */
export function formatIssue(issue: Issue, lang: Lang = "en"): string {
  const where = locationText(issue, lang);
  return where ? `${where}: ${messageText(issue, lang)}` : messageText(issue, lang);
}
