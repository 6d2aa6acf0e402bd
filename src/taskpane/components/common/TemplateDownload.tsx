import * as React from "react";
import { Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { TEMPLATE_KINDS, type TemplateKind, csvTemplate } from "../../../io/templates/csv-templates";
import { useHost } from "../../host";
import { useStrings } from "../../i18n";
import { templateStrings } from "./template-strings";

/**
 * "Vorlage herunterladen": the CSV header (and one example row) an import reads, as a file. With a
 * UTF-8 BOM so that Excel shows the umlauts of the example row.
 */
export function TemplateDownload({ kinds = TEMPLATE_KINDS, disabled }: { kinds?: readonly TemplateKind[]; disabled?: boolean }): React.ReactElement {
  const host = useHost();
  const s = useStrings();
  const t = templateStrings[s.language];
  const download = (kind: TemplateKind) => host.download(t.fileName[kind], new TextEncoder().encode(`\uFEFF${csvTemplate(kind)}`), "text/csv");
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton size="small" appearance="subtle" icon={<ArrowDownloadRegular />} disabled={disabled} data-testid="template-download">
          {t.download}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {kinds.map((kind) => (
            <MenuItem key={kind} onClick={() => download(kind)} data-testid={`template-${kind}`}>
              {t.kinds[kind]}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
