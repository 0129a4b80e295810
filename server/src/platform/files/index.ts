/*
 * File intake, one API for every owner of files (documents, request answers; next visit protocols and
 * annual-report attachments):
 *   withMultipart(app, limits, routes)      the multipart plugin in a scope of its own
 *   readUpload(req, limits)                 fields + files within the limits (413/415/400 in Swedish)
 *   acceptFiles(files, { extractText })     type by content (415), sha256, text and headings
 *   registerFileOwner(owner)                an owner kind: its table (find, insert) and its read policy
 *   storeFiles(tx, kind, ownerId, files, …) the accepted files into the owner's table
 *   openFile(db, ctx, kind, id)             a download as the read policy allows (404/403, audited)
 *   fileDownloadRoute(app, deps, …)         the GET route that serves one owner's files
 */
export { type DetectedDocument, type DocumentKind, MAX_FILE_BYTES, detectDocumentType } from "./detect.js";
export { fileDownloadRoute } from "./download.js";
export { type ExtractedText, extractText } from "./extract.js";
export { type AcceptedFile, type IntakeOptions, acceptFile, acceptFiles, auditedFile, sha256 } from "./intake.js";
export { DOCUMENT_FILE_LIMITS, type FileLimits, MAX_FILES } from "./limits.js";
export { type MultipartOptions, type Upload, notMultipart, readUpload, withMultipart } from "./multipart.js";
export {
  type FileOwner,
  type FileReadPolicy,
  type FileRow,
  type StoredFile,
  fileOwner,
  openFile,
  registerFileOwner,
  storeFiles,
} from "./owners.js";
