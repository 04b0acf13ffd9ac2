export { type AnalysisMarkdownOptions, analysisMarkdown } from "./analysisMarkdown.js";
export { analysisText } from "./analysisText.js";
export { analysisVerdict, nearestTippingPoints } from "./analysisVerdict.js";
export { type CalibrationReportOptions, calibrationReportHtml } from "./calibrationReportHtml.js";
export { formatNumber, formatPercent } from "./formatNumber.js";
export { runReportHtml } from "./runReportHtml.js";
export { runReportMarkdown } from "./runReportMarkdown.js";
export { runVerdict } from "./runVerdict.js";
