"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Link } from "@/app/_i18n/navigation";
import { Field, SubmitButton } from "@/app/[locale]/(auth)/fields";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    try {
      const res = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
      if (res?.error) {
        setError(res.code === "rate_limited" ? t("rateLimited") : t("invalid"));
        return;
      }
      // A full navigation so every server component re-renders with the new session.
      window.location.assign(callbackUrl);
    } catch {
      setError(t("genericError"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label={t("email")} name="email" type="email" autoComplete="email" required />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p role="alert" className="rounded-lg bg-brand-soft px-3 py-2 text-sm text-brand-dark">
          {error}
        </p>
      )}
      <SubmitButton pending={pending} label={t("submitSignIn")} pendingLabel={t("pending")} />
      <p className="text-center text-sm text-muted">
        {t("noAccount")}{" "}
        <Link href={{ pathname: "/signup", query: { callbackUrl } }} className="font-medium text-brand">
          {t("signUpTitle")}
        </Link>
      </p>
      <p className="text-center text-xs text-muted">{t("demoHint")}</p>
    </form>
  );
}
