/**
 * How much an uploaded .docx may unpack to. The upload itself is capped by `limits.maxUploadBytes`;
 * these bound what it inflates to, checked against the zip's directory before anything is inflated and
 * again while inflating, so a zip bomb is refused without ever being unpacked.
 */
export const importLimits = {
  maxEntries: 2000,
  /** One part of the package, e.g. word/document.xml. */
  maxEntryBytes: 50 * 1024 * 1024,
  /** All parts together. */
  maxTotalBytes: 150 * 1024 * 1024,
  /** One image (word/media/*); larger ones are not read at all. */
  maxImageBytes: 20 * 1024 * 1024,
  /** Inflated / compressed, for parts larger than `ratioFloorBytes`; real .docx XML stays far below it. */
  maxCompressionRatio: 200,
  ratioFloorBytes: 1024 * 1024,
} as const
