export function LogoMark({ className = "h-8 w-8" }: { className?: string }) {
  return (
    <svg viewBox="0 0 64 64" className={className} aria-hidden="true">
      <rect width="64" height="64" rx="16" fill="#161823" />
      <path d="M20 40c0-9 6-17 14-19" stroke="#20d5ec" strokeWidth="7" strokeLinecap="round" fill="none" />
      <path d="M24 44c0-9 6-17 14-19" stroke="#fe2c55" strokeWidth="7" strokeLinecap="round" fill="none" />
      <circle cx="44" cy="20" r="5" fill="#fff" />
    </svg>
  );
}
