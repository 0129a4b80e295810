export type { Letter, LetterSection } from "./letter.js";
export { renderLetterDocx } from "./letter-docx.js";
export { renderLetterPdf } from "./letter-pdf.js";
