import Markdown, { type Components } from "react-markdown";

// Campaigners write stories in Markdown. Raw HTML is never rendered, react-markdown's default URL transform
// drops javascript: and other unsafe links, and only these elements survive (others are unwrapped to text).
const ALLOWED = ["p", "a", "strong", "em", "ul", "ol", "li", "blockquote", "h2", "h3", "h4"];

// The page already has its h1 and section h2s: a story's own headings sit one level below.
const components: Components = {
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
  h4: ({ children }) => <h5>{children}</h5>,
  // an unsafe URL arrives here emptied: keep the words, drop the link
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <>{children}</>
    ),
};

/** `lang`: the language the campaigner wrote in, when it may differ from the page's (dir="auto" follows it). */
export function RichText({ children, className = "", lang }: { children: string; className?: string; lang?: string }) {
  return (
    <div className={`prose-vigil ${className}`} lang={lang} dir={lang ? "auto" : undefined}>
      <Markdown allowedElements={ALLOWED} unwrapDisallowed skipHtml components={components}>
        {children}
      </Markdown>
    </div>
  );
}
