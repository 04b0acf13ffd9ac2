/**
 * Offers `text` as a file download named `name`: a Blob behind a temporary `<a download>`,
 * clicked and removed, its object URL revoked once the browser has taken it.
 */
export function downloadText(text: string, name: string, type = "text/plain"): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
