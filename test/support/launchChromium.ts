import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium at `executablePath` (the browser tests' CHROMIUM_PATH), headless, with the
 * flags that keep it quiet and offline on a CI machine: no sandbox (containers), no GPU, no
 * background network, updates, sync or QUIC.
 */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}
