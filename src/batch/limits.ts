// The limits a document is read under by default (--timeout, --max-memory, --max-pages), in a module of
// their own: every command's options name them, and only `batch` needs the rest of the batch's code.
export const DEFAULT_LIMITS = {
  timeoutSeconds: 600,
  maxMemoryMb: 2048,
  maxPages: 2000,
} as const;
