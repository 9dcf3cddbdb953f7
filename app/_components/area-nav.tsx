// The tab strip of a signed-in area (my account, seller centre, operations).
import { Link } from "@/app/_i18n/navigation";

export function AreaNav({ label, items }: { label: string; items: Array<{ href: string; label: string }> }) {
  return (
    <nav aria-label={label} className="mb-4 mt-3 border-b border-line">
      <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">{label}</p>
      <ul className="no-scrollbar flex gap-1 overflow-x-auto text-sm">
        {items.map((item) => (
          <li key={item.href} className="shrink-0">
            <Link href={item.href} className="block rounded-t-lg px-3 py-2 font-medium text-ink/80 hover:bg-brand-soft hover:text-brand">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
