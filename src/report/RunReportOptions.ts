/**
 * What the run reports (`runReportHtml`, `runReportMarkdown`) print in their footer besides the
 * run itself. Each is optional, so the report functions stay pure: the command line passes the
 * date, the version and the scenario's hash; a caller that omits one gets no line for it.
 */
export interface RunReportOptions {
  /** When the report was generated; printed as an ISO date (YYYY-MM-DD, UTC). @default omitted */
  readonly generatedAt?: Date;
  /** Linkage's version (package.json). @default omitted */
  readonly version?: string;
  /** The scenario file's SHA-256, as hex (`scenarioHash`; the footer prints its first 12 digits). @default omitted */
  readonly scenarioHash?: string;
}
