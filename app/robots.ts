import type { MetadataRoute } from "next";
import { siteUrl } from "@/server/env";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/api/", "/seller", "/creator", "/admin", "/signin", "/signup", "/en/signin", "/en/signup"] }],
    sitemap: `${siteUrl()}/sitemap.xml`,
    host: siteUrl(),
  };
}
