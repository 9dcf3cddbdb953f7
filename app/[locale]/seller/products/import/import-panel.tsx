"use client";
// Bulk import: pick a CSV or JSON file (format in docs/bulk-import.md), the server validates every row
// and imports the valid products in batches; the result panel lists each bad row with its column, and
// the errors can be downloaded as CSV.
import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Link } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";

const MAX_BYTES = 5 * 1024 * 1024;
const BATCH = 50;

const TEMPLATE = [
  "product_key,title_zh,title_en,description_zh,category,tags,images,option1_name_zh,option1_name_en,option1_value_zh,option1_value_en,price,compare_at_price,stock,sku",
  'tea-1,高山绿茶,Alpine green tea,"明前采摘, 一芽一叶",green-tea,绿茶|春茶,/media/uploads/…,规格,Size,50克,50 g,39.00,59.00,100,',
  "tea-1,,,,,,,,,100克,100 g,69.00,,50,",
].join("\r\n");

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ImportPanel({ shops }: { shops: Array<{ id: string; name: string }> }) {
  const t = useTranslations("merchant.import");
  const trpc = useTRPC();
  const id = useId();
  const run = useMutation(trpc.merchant.import.mutationOptions());
  const [shopId, setShopId] = useState(shops[0]?.id ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [submit, setSubmit] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rowsEstimate, setRowsEstimate] = useState(0);
  const [started, setStarted] = useState<number | null>(null);
  const [now, setNow] = useState(0);

  useEffect(() => {
    if (started === null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [started]);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    run.reset();
    if (!file) return setError(t("chooseFile"));
    if (file.size > MAX_BYTES) return setError(t("tooLarge"));
    const format = /\.json$/i.test(file.name) || file.type === "application/json" ? "json" : "csv";
    const content = await file.text();
    setRowsEstimate(format === "csv" ? Math.max(0, content.split(/\r\n|\n|\r/).filter((l) => l.trim()).length - 1) : 0);
    setStarted(Date.now());
    setNow(Date.now());
    try {
      await run.mutateAsync({ shopId, format, content, submit });
    } catch (err) {
      setError(err instanceof Error ? err.message : t("genericError"));
    } finally {
      setStarted(null);
    }
  }

  const result = run.data;
  const elapsed = started === null ? 0 : Math.floor((now - started) / 1000);

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
        {shops.length > 1 && (
          <label className="block text-sm">
            <span className="mb-1 block font-medium">{t("shop")}</span>
            <select value={shopId} onChange={(e) => setShopId(e.target.value)} className="h-10 w-full rounded-lg border border-line bg-white px-3 text-sm">
              {shops.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("file")}</span>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="block w-full text-sm file:mr-3 file:h-9 file:rounded-full file:border-0 file:bg-brand-soft file:px-4 file:font-semibold file:text-brand"
          />
        </label>
        <p className="text-xs text-muted">{t("limits")}</p>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" checked={submit} onChange={(e) => setSubmit(e.target.checked)} className="mt-0.5 h-4 w-4 accent-brand" />
          <span>{t("submitAfter")}</span>
        </label>
        <div className="flex flex-wrap gap-2">
          <button type="submit" disabled={run.isPending} className="h-10 rounded-full bg-brand px-5 text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-50">
            {run.isPending ? t("importing") : t("start")}
          </button>
          <button type="button" onClick={() => download("products-template.csv", TEMPLATE, "text/csv;charset=utf-8")} className="h-10 rounded-full px-4 text-sm font-semibold text-brand ring-1 ring-brand">
            {t("template")}
          </button>
        </div>
        {error && (
          <p role="alert" className="text-sm text-brand-dark">
            {error}
          </p>
        )}
      </form>

      {run.isPending && (
        <section role="status" aria-live="polite" className="space-y-2 rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
          <p className="text-sm font-medium">{rowsEstimate > 0 ? t("progressRows", { rows: rowsEstimate, batch: BATCH, seconds: elapsed }) : t("progress", { seconds: elapsed })}</p>
          <div className="h-2 overflow-hidden rounded-full bg-gray-100">
            <div className="h-2 w-1/3 animate-pulse rounded-full bg-brand" />
          </div>
        </section>
      )}

      {result && (
        <section aria-labelledby={`${id}-result`} className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-line" data-testid="import-result">
          <h2 id={`${id}-result`} className="font-semibold">
            {t("resultTitle")}
          </h2>
          <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
            <li className="rounded-lg bg-gray-50 p-3">
              <span className="block text-xs text-muted">{t("rows")}</span>
              <span className="text-xl font-bold tabular-nums">{result.rowCount}</span>
            </li>
            <li className="rounded-lg bg-green-50 p-3">
              <span className="block text-xs text-muted">{t("imported")}</span>
              <span className="text-xl font-bold tabular-nums" data-testid="imported-count">
                {t("importedValue", { products: result.importedProducts, rows: result.importedRows })}
              </span>
            </li>
            <li className="rounded-lg bg-brand-soft p-3">
              <span className="block text-xs text-muted">{t("failed")}</span>
              <span className="text-xl font-bold tabular-nums">{t("failedValue", { products: result.failedProducts, errors: result.errors.length })}</span>
            </li>
            {submit && (
              <li className="rounded-lg bg-gray-50 p-3">
                <span className="block text-xs text-muted">{t("checked")}</span>
                <span className="text-xl font-bold tabular-nums">{t("checkedValue", { active: result.activeProducts, rejected: result.rejectedProducts })}</span>
              </li>
            )}
          </ul>
          <p className="text-sm">
            <Link href="/seller/products" className="text-brand hover:underline">
              {t("seeProducts")}
            </Link>
          </p>
          {result.errors.length > 0 && (
            <>
              <div className="flex items-center gap-2">
                <h3 className="font-semibold">{t("errorsTitle")}</h3>
                <button
                  type="button"
                  onClick={() =>
                    download(
                      "import-errors.csv",
                      ["row,field,product_key,message", ...result.errors.map((e) => [e.row, e.field, e.productKey, e.message].map(csvField).join(","))].join("\r\n"),
                      "text/csv;charset=utf-8",
                    )
                  }
                  className="ml-auto h-8 rounded-full px-3 text-xs font-semibold text-brand ring-1 ring-brand"
                >
                  {t("downloadErrors")}
                </button>
              </div>
              <div className="overflow-x-auto">
                <table className="w-full min-w-[32rem] text-left text-sm">
                  <thead className="text-xs text-muted">
                    <tr>
                      <th className="py-1 pr-2 font-medium">{t("colRow")}</th>
                      <th className="pr-2 font-medium">{t("colField")}</th>
                      <th className="pr-2 font-medium">{t("colProduct")}</th>
                      <th className="font-medium">{t("colMessage")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.errors.slice(0, 500).map((e, i) => (
                      <tr key={`${e.row}-${e.field}-${i}`} className="border-t border-line">
                        <td className="py-1 pr-2 tabular-nums">{e.row}</td>
                        <td className="pr-2 font-mono text-xs">{e.field}</td>
                        <td className="pr-2">{e.productKey}</td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {result.errors.length > 500 && <p className="text-xs text-muted">{t("moreErrors", { count: result.errors.length - 500 })}</p>}
            </>
          )}
        </section>
      )}
    </div>
  );
}
