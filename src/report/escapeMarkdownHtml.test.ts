import { describe, expect, it } from "vitest";
import { escapeMarkdownHtml } from "./escapeMarkdownHtml.js";

describe("escapeMarkdownHtml", () => {
  it("neutralises tags, comments and character references outside code spans", () => {
    expect(escapeMarkdownHtml("<script>alert(1)</script>")).toBe("&lt;script>alert(1)&lt;/script>");
    expect(escapeMarkdownHtml("<!-- hidden --> <?php x ?>")).toBe(
      "&lt;!-- hidden --> &lt;?php x ?>",
    );
    expect(escapeMarkdownHtml("&amp; &#60; &lt;")).toBe("&amp;amp; &amp;#60; &amp;lt;");
  });

  it("leaves comparisons, ampersands in prose and code spans alone", () => {
    expect(escapeMarkdownHtml("a < b & c > d, 5<6")).toBe("a < b & c > d, 5<6");
    expect(escapeMarkdownHtml("run `linkage run <file>` then <b>")).toBe(
      "run `linkage run <file>` then &lt;b>",
    );
    expect(escapeMarkdownHtml("``a ` <b>`` <i>")).toBe("``a ` <b>`` &lt;i>");
  });
});
