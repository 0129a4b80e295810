import { Fragment, type ReactNode } from "react";

/**
 * The server marks hits as «word»; they become <mark> elements. The text is never parsed as HTML,
 * and line breaks from the file become spaces.
 */
export function highlight(excerpt: string): ReactNode[] {
  const parts: ReactNode[] = [];
  const pattern = /«([^»]*)»/g;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(excerpt)) !== null) {
    if (match.index > last) parts.push(excerpt.slice(last, match.index));
    parts.push(<mark key={match.index}>{match[1]}</mark>);
    last = match.index + match[0].length;
  }
  if (last < excerpt.length) parts.push(excerpt.slice(last));
  return parts.map((p, i) => (typeof p === "string" ? <Fragment key={`t${i}`}>{p.replace(/\s+/g, " ")}</Fragment> : p));
}
