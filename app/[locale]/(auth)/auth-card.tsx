import { LogoMark } from "@/app/_components/logo";

export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto mt-8 max-w-sm rounded-2xl bg-white p-6 shadow-sm ring-1 ring-line sm:mt-14">
      <div className="mb-5 flex items-center gap-2">
        <LogoMark />
        <h1 className="text-xl font-bold">{title}</h1>
      </div>
      {children}
    </div>
  );
}

/** Only same-site relative paths may be used as the post-sign-in destination. */
export function safeCallback(value: string | string[] | undefined, fallback: string): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : fallback;
}
