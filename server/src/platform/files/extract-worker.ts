import type { DocumentKind } from "./detect.js";
import { extractTextInProcess } from "./extract.js";

/*
 * An extraction child (extract-pool.ts): extracts each file it is sent, one at a time, and answers each once. It is
 * killed from outside at the time limit; it ends when the server does (the channel closes).
 */
process.on("message", (message: { buffer: Uint8Array; kind: DocumentKind }) => {
  const { buffer, kind } = message;
  void extractTextInProcess(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), kind).then(
    (result) => process.send!(result),
    () => process.exit(1),
  );
});
process.on("disconnect", () => process.exit(0));
