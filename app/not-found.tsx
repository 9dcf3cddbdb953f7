import Link from "next/link";
import "@/app/globals.css";

export default function GlobalNotFound() {
  return (
    <html lang="zh-CN">
      <body className="grid min-h-screen place-items-center p-6 text-center">
        <div className="space-y-3">
          <p className="text-5xl font-bold text-brand">404</p>
          <h1 className="text-xl font-semibold">页面不存在 · Page not found</h1>
          <Link href="/" className="inline-block rounded-full bg-brand px-5 py-2 text-sm font-semibold text-white">
            回到首页 · Home
          </Link>
        </div>
      </body>
    </html>
  );
}
