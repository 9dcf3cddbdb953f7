// A row of post thumbnails linking to /v/[id] ("more from this author", "videos featuring this product").
import { Link } from "@/app/_i18n/navigation";
import type { PostThumb } from "@/server/content/post.schema";

export function PostThumbs({ posts, testId }: { posts: PostThumb[]; testId?: string }) {
  return (
    <ul data-testid={testId} className="no-scrollbar flex gap-3 overflow-x-auto pb-2">
      {posts.map((p) => (
        <li key={p.id} className="w-32 shrink-0 sm:w-36">
          <Link href={`/v/${p.id}`} className="group block">
            <span className="relative block aspect-[9/16] overflow-hidden rounded-xl bg-canvas">
              { }
              <img src={p.posterUrl} alt="" loading="lazy" className="h-full w-full object-cover transition group-hover:scale-105" />
              <span className="absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/70 to-transparent p-2 text-[11px] text-white">▶ {Math.round(p.durationMs / 1000)}s</span>
            </span>
            <span className="mt-1 line-clamp-2 text-xs text-ink/80">{p.caption}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
