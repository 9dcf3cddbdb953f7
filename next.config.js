import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./app/_i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native / WASM packages stay as Node requires instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "sharp", "pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  images: { unoptimized: true },
};

export default withNextIntl(nextConfig);
