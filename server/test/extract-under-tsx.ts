/**
 * Run by the upload test under tsx (as `npm start` and `npm run dev` run the server): extracts a small PDF's text
 * through the worker thread and prints the result as JSON.
 */
import { extractText } from "../src/platform/files/extract.js";
import { pdfWith } from "./documents.js";

const pdf = await pdfWith([{ heading: "Rubrik", body: "Kommunen har analyserat elförsörjningen. ".repeat(20) }]);
process.stdout.write(JSON.stringify(await extractText(pdf, "pdf")));
