import type { DocumentKind } from "./detect.js";
import { extractTextInProcess } from "./extract.js";

/* A child process of its own per file (extract-pool.ts): extracts the one file it is sent, answers once and ends. */
process.once("message", (message: { buffer: Uint8Array; kind: DocumentKind }) => {
  const { buffer, kind } = message;
  void extractTextInProcess(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), kind).then(
    (result) => process.send!(result, () => process.exit(0)),
    () => process.exit(1),
  );
});
