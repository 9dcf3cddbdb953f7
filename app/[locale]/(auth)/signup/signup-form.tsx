"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Link } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";
import { Field, SubmitButton } from "@/app/[locale]/(auth)/fields";

type FieldErrors = Partial<Record<"email" | "password" | "name", string[]>>;

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const trpc = useTRPC();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const signUp = useMutation(trpc.account.signUp.mutationOptions());
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    setFieldErrors({});
    const form = new FormData(e.currentTarget);
    const input = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), name: String(form.get("name") ?? "") };
    try {
      await signUp.mutateAsync(input);
      const res = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      if (res?.error) throw new Error(res.error);
      window.location.assign(callbackUrl);
    } catch (err) {
      const data = (err as { data?: { fieldErrors?: FieldErrors | null } }).data;
      if (data?.fieldErrors && Object.keys(data.fieldErrors).length) setFieldErrors(data.fieldErrors);
      else setError(err instanceof Error && err.message ? err.message : t("genericError"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label={t("name")} name="name" autoComplete="nickname" required maxLength={40} error={fieldErrors.name?.[0]} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required error={fieldErrors.email?.[0]} />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint={t("passwordHint")}
        error={fieldErrors.password?.[0]}
      />
      {error && (
        <p role="alert" className="rounded-lg bg-brand-soft px-3 py-2 text-sm text-brand-dark">
          {error}
        </p>
      )}
      <SubmitButton pending={pending} label={t("submitSignUp")} pendingLabel={t("pending")} />
      <p className="text-center text-sm text-muted">
        {t("haveAccount")}{" "}
        <Link href={{ pathname: "/signin", query: { callbackUrl } }} className="font-medium text-brand">
          {t("signInTitle")}
        </Link>
      </p>
    </form>
  );
}
