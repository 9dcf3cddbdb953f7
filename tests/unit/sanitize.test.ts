import { describe, expect, it } from "vitest";
import { htmlToText, safeImageUrl, safeLinkUrl, sanitizeHtml } from "@/server/shop/sanitize";

/** Output must carry no executable vector at all. */
function assertInert(html: string) {
  const lower = html.toLowerCase();
  expect(lower).not.toMatch(/<script|<iframe|<svg|<object|<embed|<form|<meta|<link|<style|<math|<template/);
  expect(lower).not.toMatch(/\son[a-z]+\s*=/);
  expect(lower).not.toMatch(/style\s*=/);
  expect(lower).not.toMatch(/(javascript|vbscript|data):/);
  expect(lower).not.toMatch(/<(?!\/?(p|br|strong|em|b|i|u|h2|h3|h4|ul|ol|li|blockquote|a|img)[\s>])/);
}

const PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(2)>",
  "<IMG SRC=x ONERROR=alert(2)>",
  "<img src=https://ok.example/a.png onerror=alert(2)>",
  '<a href="javascript:alert(3)">x</a>',
  '<a href="JaVaScRiPt:alert(3)">x</a>',
  '<a href="jav&#x09;ascript:alert(4)">x</a>',
  '<a href="jav&#9ascript:alert(4)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(5)">x</a>',
  '<a href=" javascript:alert(6)">x</a>',
  '<a href="java\nscript:alert(6)">x</a>',
  '<a href="javascript&colon;alert(6)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  "<svg onload=alert(7)>",
  "<svg/onload=alert(7)>",
  "<iframe src=javascript:alert(8)></iframe>",
  "<object data=javascript:alert(9)></object>",
  "<embed src=javascript:alert(9)>",
  '<p style="width: expression(alert(10))">x</p>',
  '<div style="background:url(javascript:alert(11))">x</div>',
  "<style>body{background:url(javascript:alert(12))}</style>",
  "<form action=javascript:alert(13)><button>go</button></form>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(14)">',
  '<link rel=stylesheet href="javascript:alert(15)">',
  "<scr<script>ipt>alert(16)</script>",
  "<<script>alert(17);//<</script>",
  "<p onclick=alert(18)>click</p>",
  '<p title="x" onmouseover="alert(19)">x</p>',
  "<img src=/media/a.png onload=alert(20)>",
  "<a href=javascript:alert(21)>x",
  "<b><i>unclosed",
  "</p></li><li><p>broken",
  "<!--<script>alert(22)</script>-->",
  "<![CDATA[<script>alert(23)</script>]]>",
  '<a href="/p/x" onclick="alert(24)">x</a>',
  "<img src=\"x\"onerror=\"alert(25)\">",
  '<img """><script>alert(26)</script>">',
  "<math><mtext><script>alert(27)</script></mtext></math>",
  "<template><script>alert(28)</script></template>",
  "<noscript><p title=\"</noscript><img src=x onerror=alert(29)>\"></noscript>",
  '<a href="&#x6A;avascript:alert(30)">x</a>',
  '<a href="\u0001javascript:alert(31)">x</a>',
];

describe("sanitizeHtml", () => {
  it.each(PAYLOADS)("renders %s inert", (payload) => {
    const out = sanitizeHtml(payload);
    assertInert(out);
    // Idempotent, so sanitising on save and again on render changes nothing.
    expect(sanitizeHtml(out)).toBe(out);
  });

  it("keeps allowed formatting and text", () => {
    const out = sanitizeHtml("<h2>Our story</h2><p>Grown on <strong>the hills</strong> &amp; <em>picked</em> by hand.<br>Since 1998.</p><ul><li>one</li></ul>");
    expect(out).toBe("<h2>Our story</h2><p>Grown on <strong>the hills</strong> &amp; <em>picked</em> by hand.<br>Since 1998.</p><ul><li>one</li></ul>");
  });

  it("keeps text around stripped vectors", () => {
    const out = sanitizeHtml('<p>before<script>alert(1)</script>after <img src=x onerror=alert(2)> <a href="javascript:alert(3)">link</a></p>');
    expect(out).toBe("<p>beforeafter  <a>link</a></p>");
  });

  it("hardens safe links and keeps safe images", () => {
    expect(sanitizeHtml('<a href="https://example.com/x?a=1&amp;b=2" target="_self">x</a>')).toBe(
      '<a href="https://example.com/x?a=1&amp;b=2" rel="nofollow noopener noreferrer" target="_blank">x</a>',
    );
    expect(sanitizeHtml('<a href="/p/tea">tea</a>')).toContain('href="/p/tea"');
    expect(sanitizeHtml('<img src="/media/u/a.png" alt="a &quot;b&quot;" width=3>')).toBe('<img src="/media/u/a.png" alt="a &quot;b&quot;" loading="lazy">');
    expect(sanitizeHtml('<img src="http://insecure.example/a.png">')).toBe("");
  });

  it("escapes stray angle brackets and quotes in text", () => {
    expect(sanitizeHtml("1 < 2 > 0 \"q\"")).toBe('1 &lt; 2 &gt; 0 "q"');
    expect(sanitizeHtml("&lt;script&gt;")).toBe("&lt;script&gt;");
  });

  it("balances broken nesting", () => {
    expect(sanitizeHtml("<p><b>bold<i>both</b> after")).toBe("<p><b>bold<i>both</i></b> after</p>");
    expect(sanitizeHtml("<a href='/a'>x<a href='/b'>y</a>")).toBe('<a href="/a" rel="nofollow noopener noreferrer" target="_blank">xy</a>');
  });
});

describe("URL checks", () => {
  it("allows only http(s) and relative links", () => {
    expect(safeLinkUrl("https://a.example")).toBe("https://a.example");
    expect(safeLinkUrl("/s/shop")).toBe("/s/shop");
    expect(safeLinkUrl("#top")).toBe("#top");
    expect(safeLinkUrl("//evil.example")).toBeNull();
    expect(safeLinkUrl("mailto:a@b.c")).toBeNull();
    expect(safeLinkUrl("java\tscript:alert(1)")).toBeNull();
  });
  it("allows only /media/ and https images", () => {
    expect(safeImageUrl("/media/a/b.webp")).toBe("/media/a/b.webp");
    expect(safeImageUrl("/media/../etc/passwd")).toBeNull();
    expect(safeImageUrl("/api/x")).toBeNull();
    expect(safeImageUrl("https://cdn.example/a.png")).toBe("https://cdn.example/a.png");
  });
  it("extracts text", () => {
    expect(htmlToText("<p>a&amp;b</p><p>c</p>")).toBe("a&b c");
  });
});
