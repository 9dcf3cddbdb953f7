/**
 * Structured data for crawlers. JSON.stringify does not escape `<`, so a product title containing
 * `</script>` could break out of the tag; escaping `<`, `>` and `&` keeps user text inert.
 */
export function JsonLd({ data }: { data: object | object[] }) {
  const json = JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
