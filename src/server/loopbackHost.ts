/**
 * Whether a host name or address names this machine only: `localhost`, 127.0.0.0/8 or `::1`
 * (bare or in brackets, as a URL writes it). The one test of it for `linkage serve`'s warning and
 * the workbench's Host check.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}
