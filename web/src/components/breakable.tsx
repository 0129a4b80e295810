import { Fragment, type ReactNode } from "react";

/** Lets long e-mail addresses wrap after "@" instead of in the middle of a word. */
export function breakable(text: string): ReactNode {
  const parts = text.split("@");
  if (parts.length === 1) return text;
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 && (
        <>
          @<wbr />
        </>
      )}
      {part}
    </Fragment>
  ));
}
