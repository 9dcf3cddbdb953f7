// The committed demo clips under public/demo/videos/: one short vertical video (and its poster) per
// product illustration family. `npm run media:demo-videos` regenerates them with ffmpeg
// (server/cli/demo-videos.ts); the seed only references these files, so seeding never needs ffmpeg.
import type { ArtKey } from "@/server/media/art";

export const DEMO_VIDEO_DIR = "public/demo/videos";
export const DEMO_VIDEO_BASE_PATH = "/demo/videos";
export const DEMO_CLIP_WIDTH = 540;
export const DEMO_CLIP_HEIGHT = 960;
export const DEMO_CLIP_SECONDS = 5;

/** Every illustration family except the generic box: 30 clips. */
export const DEMO_CLIP_KEYS = [
  "kettle", "headphones", "earbuds", "tshirt", "sneaker", "lipstick", "skincare", "tea", "fruit", "orange",
  "apple", "mushroom", "nuts", "rice", "phone", "laptop", "sofa", "lamp", "toy", "petbowl",
  "tent", "book", "snacks", "jewelry", "babybottle", "charger", "watch", "bag", "honey", "dumbbell",
] as const satisfies readonly ArtKey[];

export type DemoClipKey = (typeof DEMO_CLIP_KEYS)[number];

export function demoClip(key: DemoClipKey) {
  return {
    videoUrl: `${DEMO_VIDEO_BASE_PATH}/${key}.mp4`,
    posterUrl: `${DEMO_VIDEO_BASE_PATH}/${key}.jpg`,
    durationMs: DEMO_CLIP_SECONDS * 1000,
    width: DEMO_CLIP_WIDTH,
    height: DEMO_CLIP_HEIGHT,
  };
}

/**
 * Every demo clip also exists as WebM (VP8/Opus): players list it as a second <source>, so browsers
 * without H.264 (open-source Chromium builds) still play. Null for any other video URL.
 */
export function demoWebmAlternative(videoUrl: string): string | null {
  return isDemoMediaUrl(videoUrl) && videoUrl.endsWith(".mp4") ? videoUrl.replace(/\.mp4$/, ".webm") : null;
}

/** The seed's own demo media URLs: the only non-upload media a post may reference. */
export function isDemoMediaUrl(url: string): boolean {
  const m = /^\/demo\/videos\/([a-z]+)\.(mp4|jpg)$/.exec(url);
  return !!m && (DEMO_CLIP_KEYS as readonly string[]).includes(m[1]);
}
