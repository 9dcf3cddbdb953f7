// Regenerates the demo clips committed under public/demo/videos/ (npm run media:demo-videos):
// for each product illustration family, a 5 s 540×960 H.264 MP4 (plus the same clip as VP8 WebM) — a slow Ken Burns zoom over the
// generated product art with a caption bar, and a soft two-note chord so "tap for sound" does
// something — plus a JPEG poster. Needs ffmpeg on PATH (Debian: apt-get install ffmpeg). The seed
// never runs this: it only references the committed files.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { renderRequest } from "@/server/media/art";
import { DEMO_CLIP_HEIGHT, DEMO_CLIP_KEYS, DEMO_CLIP_SECONDS, DEMO_CLIP_WIDTH, DEMO_VIDEO_DIR } from "@/prisma/seed/demo-videos";
import { hashString } from "@/server/lib/random";

const W = DEMO_CLIP_WIDTH * 2;
const H = DEMO_CLIP_HEIGHT * 2;
const FPS = 24;

function hue(key: string): number {
  return hashString(key) % 360;
}

/** A 1080×1920 still: tinted backdrop, the product art, a caption bar (zoompan then crops into it). */
async function still(key: string): Promise<Buffer> {
  const h = hue(key);
  const backdrop = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${h},55%,88%)"/><stop offset="1" stop-color="hsl(${(h + 40) % 360},45%,70%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${W * 0.8}" cy="${H * 0.15}" r="${W * 0.25}" fill="hsl(${(h + 180) % 360},60%,80%)" opacity="0.5"/>
    <circle cx="${W * 0.1}" cy="${H * 0.75}" r="${W * 0.3}" fill="hsl(${(h + 90) % 360},50%,85%)" opacity="0.45"/>
  </svg>`;
  const art = await sharp(Buffer.from(renderRequest({ kind: "product", artKey: key as never, seed: `clip-${key}` })))
    .resize(960, 960)
    .png()
    .toBuffer();
  const label = key.toUpperCase();
  const bar = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="300">
    <rect x="40" y="40" width="${W - 80}" height="220" rx="40" fill="rgba(0,0,0,0.55)"/>
    <text x="100" y="140" font-family="DejaVu Sans, sans-serif" font-size="72" font-weight="bold" fill="#fff">${label}</text>
    <text x="100" y="215" font-family="DejaVu Sans, sans-serif" font-size="44" fill="#ffd5b0">Interest Mall · demo clip</text>
  </svg>`;
  return sharp(Buffer.from(backdrop))
    .composite([
      { input: art, top: Math.round(H * 0.22), left: Math.round((W - 960) / 2) },
      { input: Buffer.from(bar), top: H - 520, left: 0 },
    ])
    .png()
    .toBuffer();
}

async function main() {
  const outDir = path.resolve(DEMO_VIDEO_DIR);
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "demo-videos-"));
  const frames = DEMO_CLIP_SECONDS * FPS;
  try {
    for (const [i, key] of DEMO_CLIP_KEYS.entries()) {
      const png = path.join(work, `${key}.png`);
      fs.writeFileSync(png, await still(key));
      // Alternate zoom in / zoom out and drift direction so consecutive clips do not look alike.
      const zoomIn = i % 2 === 0;
      const z = zoomIn ? `1+0.18*on/${frames}` : `1.18-0.18*on/${frames}`;
      const x = i % 3 === 0 ? `(iw-iw/zoom)*on/${frames}` : i % 3 === 1 ? `(iw-iw/zoom)*(1-on/${frames})` : `(iw-iw/zoom)/2`;
      const vf = [
        `zoompan=z='${z}':x='${x}':y='(ih-ih/zoom)/2':d=${frames}:s=${DEMO_CLIP_WIDTH}x${DEMO_CLIP_HEIGHT}:fps=${FPS}`,
        // A progress line along the bottom edge.
        `drawbox=x=0:y=ih-8:w='iw*t/${DEMO_CLIP_SECONDS}':h=8:color=0xff5a36@0.9:t=fill`,
        "format=yuv420p",
      ].join(",");
      const base = 220 + (hashString(key) % 6) * 30;
      execFileSync(
        "ffmpeg",
        [
          "-y", "-loglevel", "error",
          "-loop", "1", "-i", png,
          "-f", "lavfi", "-i", `sine=frequency=${base}:sample_rate=22050`,
          "-f", "lavfi", "-i", `sine=frequency=${Math.round(base * 1.5)}:sample_rate=22050`,
          "-filter_complex", `[0:v]${vf}[v];[1:a][2:a]amix=inputs=2,volume=0.12,afade=t=in:d=0.5,afade=t=out:st=${DEMO_CLIP_SECONDS - 0.7}:d=0.7[a]`,
          "-map", "[v]", "-map", "[a]",
          "-t", String(DEMO_CLIP_SECONDS),
          "-c:v", "libx264", "-profile:v", "main", "-preset", "slow", "-crf", "32", "-maxrate", "260k", "-bufsize", "520k",
          "-c:a", "aac", "-b:a", "24k", "-ac", "1",
          "-movflags", "+faststart",
          path.join(outDir, `${key}.mp4`),
        ],
        { stdio: "inherit" },
      );
      // The same clip as WebM (VP8/Opus) for browsers without H.264 (e.g. open-source Chromium builds).
      execFileSync(
        "ffmpeg",
        ["-y", "-loglevel", "error", "-i", path.join(outDir, `${key}.mp4`), "-c:v", "libvpx", "-deadline", "good", "-cpu-used", "4", "-b:v", "220k", "-crf", "30", "-c:a", "libopus", "-b:a", "24k", path.join(outDir, `${key}.webm`)],
        { stdio: "inherit" },
      );
      await sharp(png).resize(DEMO_CLIP_WIDTH, DEMO_CLIP_HEIGHT).jpeg({ quality: 70, mozjpeg: true }).toFile(path.join(outDir, `${key}.jpg`));
      process.stderr.write(`  [${i + 1}/${DEMO_CLIP_KEYS.length}] ${key}.mp4 ${(fs.statSync(path.join(outDir, `${key}.mp4`)).size / 1024).toFixed(0)} KB\n`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const total = fs.readdirSync(outDir).reduce((sum, f) => sum + fs.statSync(path.join(outDir, f)).size, 0);
  console.log(`demo videos: ${DEMO_CLIP_KEYS.length} clips, ${(total / 1024 / 1024).toFixed(2)} MB in ${DEMO_VIDEO_DIR}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
