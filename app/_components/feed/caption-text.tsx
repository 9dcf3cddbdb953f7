// A post's caption as plain text, followed by its hashtags as links to search. Never HTML.
import { Link } from "@/app/_i18n/navigation";

export function CaptionText({ caption, hashtags, className = "", tagClassName = "" }: { caption: string; hashtags: string[]; className?: string; tagClassName?: string }) {
  return (
    <p className={`whitespace-pre-line break-words ${className}`}>
      {caption}
      {hashtags.map((tag) => (
        <span key={tag}>
          {" "}
          <Link href={{ pathname: "/search", query: { q: tag } }} className={`font-semibold hover:underline ${tagClassName}`}>
            #{tag}
          </Link>
        </span>
      ))}
    </p>
  );
}
