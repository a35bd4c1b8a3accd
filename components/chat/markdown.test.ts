// The answer renderer is safe: raw HTML and scripts never reach the DOM, javascript: links are
// neutralised, external links open without opener/referrer, and GFM tables render.
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "../markdown";

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe("Markdown", () => {
  it("drops raw HTML and scripts", () => {
    const html = render('안녕 <script>alert(1)</script><img src=x onerror="alert(2)"> <b>굵게</b>\n\n<iframe src="https://evil"></iframe>');
    expect(html).not.toMatch(/<script|<img|<iframe|onerror|<b>/i);
    expect(html).toContain("안녕");
  });

  it("neutralises dangerous link targets and hardens external links", () => {
    const html = render("[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://www.law.go.kr/법령)");
    expect(html).not.toMatch(/javascript:|data:text/i);
    expect(html).toMatch(/<a href="https:\/\/www\.law\.go\.kr\/[^"]*" target="_blank" rel="noopener noreferrer nofollow">ok<\/a>/);
  });

  it("renders GFM tables, lists and emphasis", () => {
    const html = render("| 방식 | 월 |\n|---|---|\n| 원리금균등 | 960만원 |\n\n- **주의** 사항");
    expect(html).toContain("<table>");
    expect(html).toContain("<td>원리금균등</td>");
    expect(html).toContain("<strong>주의</strong>");
  });
});
