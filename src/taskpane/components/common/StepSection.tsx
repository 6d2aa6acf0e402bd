import * as React from "react";
import { Body1, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  muted: { opacity: 0.75 },
});

export interface StepSectionProps {
  id: string;
  title: string;
  intro?: string;
  /** Shown dimmed until earlier steps are done (still readable, never hidden). */
  inactive?: boolean;
  children?: React.ReactNode;
}

/** One step of a workflow: a heading (h3, for screen-reader navigation), a sentence, its controls. */
export function StepSection({ id, title, intro, inactive, children }: StepSectionProps): React.ReactElement {
  const styles = useStyles();
  return (
    <section aria-labelledby={`${id}-title`} className={styles.root} data-testid={id}>
      <Subtitle2 as="h3" id={`${id}-title`} className={mergeClasses(styles.title, inactive && styles.muted)}>
        {title}
      </Subtitle2>
      {intro && (
        <Body1 as="p" className={mergeClasses(styles.intro, inactive && styles.muted)}>
          {intro}
        </Body1>
      )}
      {children}
    </section>
  );
}
