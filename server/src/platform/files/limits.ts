import { MAX_FILE_BYTES } from "./detect.js";

/** How much one upload may carry. */
export interface FileLimits {
  /** Files per upload. */
  maxFiles: number;
  /** Bytes per file. */
  maxFileBytes: number;
  /** Bytes of all files of one upload together. */
  maxTotalBytes: number;
}

export const MAX_FILES = 10;

/**
 * Documents and request answers: at most 10 files of 25 MB each. The total is what the two allow together;
 * a later owner (a visit protocol, an annual-report attachment) may set a smaller one.
 */
export const DOCUMENT_FILE_LIMITS: FileLimits = {
  maxFiles: MAX_FILES,
  maxFileBytes: MAX_FILE_BYTES,
  maxTotalBytes: MAX_FILES * MAX_FILE_BYTES,
};

export const megabytes = (bytes: number) => Math.floor(bytes / (1024 * 1024));
