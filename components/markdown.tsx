// Renders assistant answers as safe markdown: GFM tables/lists, no raw HTML, sanitised output,
// links only to http(s)/mailto and opened in a new tab without referrer or opener.
"use client";

import ReactMarkdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import rehypeSanitize from "rehype-sanitize";

function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  // defaultUrlTransform already blanks javascript:/data: and the like; also refuse protocol-relative hosts.
  return cleaned.startsWith("//") ? "" : cleaned;
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  table: ({ children }) => (
    <div className="md-table-wrap">
      <table>{children}</table>
    </div>
  ),
};

export function Markdown({ text, className = "" }: { text: string; className?: string }) {
  return (
    <div className={`markdown ${className}`}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} skipHtml urlTransform={safeUrl} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
