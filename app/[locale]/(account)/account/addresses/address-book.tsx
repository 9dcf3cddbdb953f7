"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { AddressForm, AddressText, type AddressRow } from "@/app/_components/address-form";

const MAX_ADDRESSES = 20;

type Editing = { kind: "new" } | { kind: "edit"; address: AddressRow } | null;

export function AddressBook() {
  const t = useTranslations("checkout");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const addresses = useQuery(trpc.address.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.address.list.queryKey() });
  const setDefault = useMutation(trpc.address.setDefault.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.address.delete.mutationOptions({ onSettled: refresh }));
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  const list = addresses.data ?? [];
  const busy = setDefault.isPending || remove.isPending;

  async function act(fn: () => Promise<unknown>, done: string) {
    setMessage(null);
    try {
      await fn();
      setMessage({ tone: "ok", text: done });
    } catch {
      setMessage({ tone: "error", text: t("addressBook.actionFailed") });
    }
  }

  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">
          {t("addressBook.title")} <span className="text-sm font-normal text-muted">{t("addressBook.count", { count: list.length, max: MAX_ADDRESSES })}</span>
        </h1>
        {editing === null && list.length < MAX_ADDRESSES && (
          <button type="button" onClick={() => setEditing({ kind: "new" })} className="h-10 rounded-full bg-brand px-5 text-sm font-semibold text-white hover:bg-brand-dark">
            {t("addAddress")}
          </button>
        )}
      </div>

      {message && (
        <p role={message.tone === "error" ? "alert" : "status"} className={`mb-3 rounded-xl px-3 py-2 text-sm ${message.tone === "error" ? "bg-brand-soft text-brand-dark" : "bg-emerald-50 text-emerald-800"}`}>
          {message.text}
        </p>
      )}

      {editing?.kind === "new" && (
        <section aria-label={t("address.newTitle")} className="mb-3 rounded-2xl bg-white p-4 ring-1 ring-line">
          <h2 className="mb-3 font-semibold">{t("address.newTitle")}</h2>
          <AddressForm
            defaultChecked={list.length === 0}
            onSaved={() => {
              setEditing(null);
              setMessage({ tone: "ok", text: t("addressBook.saved") });
            }}
            onCancel={() => setEditing(null)}
          />
        </section>
      )}

      {list.length === 0 && editing === null && (
        <p className="rounded-2xl bg-white p-8 text-center text-sm text-muted ring-1 ring-line">{t("addressBook.empty")}</p>
      )}

      <ul className="space-y-3">
        {list.map((a) =>
          editing?.kind === "edit" && editing.address.id === a.id ? (
            <li key={a.id} className="rounded-2xl bg-white p-4 ring-1 ring-brand/40">
              <h2 className="mb-3 font-semibold">{t("address.editTitle")}</h2>
              <AddressForm
                initial={a}
                onSaved={() => {
                  setEditing(null);
                  setMessage({ tone: "ok", text: t("addressBook.saved") });
                }}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={a.id} className="rounded-2xl bg-white p-4 ring-1 ring-line" data-testid="address-card">
              <p className="text-sm">
                <AddressText address={a} maskPhone={false} />
                {a.postalCode && <span className="block text-xs text-muted">{t("addressBook.postalCode", { code: a.postalCode })}</span>}
              </p>
              <div className="mt-3 flex flex-wrap items-center gap-2 border-t border-line pt-3 text-sm">
                {a.isDefault ? (
                  <span className="rounded bg-brand px-2 py-0.5 text-xs font-semibold text-white">{t("default")}</span>
                ) : (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => act(() => setDefault.mutateAsync({ id: a.id }), t("addressBook.defaultSet"))}
                    className="rounded-full border border-line px-3 py-1 hover:border-brand hover:text-brand disabled:opacity-50"
                  >
                    {t("addressBook.makeDefault")}
                  </button>
                )}
                <span className="ml-auto flex gap-2">
                  <button type="button" disabled={busy} onClick={() => setEditing({ kind: "edit", address: a })} className="rounded-full px-3 py-1 hover:bg-canvas disabled:opacity-50">
                    {t("addressBook.edit")}
                  </button>
                  {confirming === a.id ? (
                    <>
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => act(() => remove.mutateAsync({ id: a.id }), t("addressBook.deleted")).then(() => setConfirming(null))}
                        className="rounded-full bg-brand px-3 py-1 font-semibold text-white hover:bg-brand-dark disabled:opacity-50"
                      >
                        {t("addressBook.confirmDelete")}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)} className="rounded-full px-3 py-1 hover:bg-canvas">
                        {t("address.cancel")}
                      </button>
                    </>
                  ) : (
                    <button type="button" disabled={busy} onClick={() => setConfirming(a.id)} className="rounded-full px-3 py-1 text-brand-dark hover:bg-brand-soft disabled:opacity-50">
                      {t("addressBook.delete")}
                    </button>
                  )}
                </span>
              </div>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
