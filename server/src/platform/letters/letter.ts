/** A letter from an authority: written feedback (R2.3-3), later visit protocols. Rendered as DOCX and PDF. */
export interface Letter {
  /** "Länsstyrelsen i Stockholms län" */
  sender: string;
  /** "Stockholms kommun" */
  recipient: string;
  /** "Återkoppling på risk- och sårbarhetsanalys" */
  title: string;
  /** ISO date, 2026-11-27 */
  date: string;
  /** Länsstyrelsens dnr, Kommunens dnr, Dokument, Version, Mandatperiod … */
  references: { label: string; value: string }[];
  sections: LetterSection[];
  signature?: { name: string; title?: string };
  /** "Uppsikt – uppföljning av kommunernas krisberedskap" */
  footer?: string;
}

export interface LetterSection {
  heading: string;
  paragraphs?: string[];
  table?: { columns: string[]; rows: string[][] };
}

export const DATE_LABEL = "Datum";
export const pageLabel = (page: number, pages: number) => `Sida ${page} av ${pages}`;
