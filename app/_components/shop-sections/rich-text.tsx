// Merchant rich text. The HTML was sanitised on save; it is sanitised again here (the sanitiser is
// idempotent and pure, so the editor preview in the browser runs the very same code).
import { sanitizeHtml } from "@/server/shop/sanitize";

const PROSE =
  "text-sm leading-7 text-ink/85 break-words [&_a]:text-brand [&_a]:underline [&_blockquote]:my-3 [&_blockquote]:border-l-4 [&_blockquote]:border-line [&_blockquote]:pl-3 [&_blockquote]:text-muted " +
  "[&_h2]:mb-2 [&_h2]:mt-4 [&_h2]:text-lg [&_h2]:font-bold [&_h3]:mb-1.5 [&_h3]:mt-3 [&_h3]:text-base [&_h3]:font-bold [&_h4]:mt-3 [&_h4]:font-semibold " +
  "[&_img]:my-3 [&_img]:h-auto [&_img]:max-w-full [&_img]:rounded-xl [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:my-2 [&_ul]:list-disc [&_ul]:pl-5 [&>*:first-child]:mt-0";

export function RichTextSection({ html }: { html: string }) {
  return (
    <section className="rounded-2xl bg-white px-4 py-4 ring-1 ring-line sm:px-6" data-section="RICH_TEXT">
      <div className={PROSE} dangerouslySetInnerHTML={{ __html: sanitizeHtml(html) }} />
    </section>
  );
}
