// The review card renders what buyers and sellers wrote as text: markup shows up escaped, never as elements.
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import messages from "@/app/_i18n/messages/en/review.json";
import { ReviewItem } from "@/app/[locale]/(shop)/p/[slug]/review-item";
import type { PublicReview } from "@/server/review/review.schema";

const review: PublicReview = {
  id: "r1",
  rating: 4,
  body: '<script>alert("x")</script><img src=x onerror=alert(1)>\nsecond line',
  buyerName: "张**",
  buyerAvatarUrl: null,
  variantLabelZh: "黑色",
  variantLabelEn: "Black",
  createdAt: new Date("2026-05-01T12:00:00Z"),
  media: [{ url: "/media/uploads/u1/0123456789abcdef01234567-800x600.jpg", width: 800, height: 600 }],
  sellerReply: "<b>thanks</b>",
  sellerRepliedAt: new Date("2026-05-02T12:00:00Z"),
};

function render(r: PublicReview): string {
  return renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      { locale: "en", messages: { review: messages }, timeZone: "Asia/Shanghai" } as unknown as ComponentProps<typeof NextIntlClientProvider>,
      createElement(ReviewItem, { review: r, locale: "en" }),
    ),
  );
}

describe("ReviewItem", () => {
  it("renders the body and the seller reply as text", () => {
    const html = render(review);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;thanks&lt;/b&gt;");
    expect(html).not.toContain("<b>thanks</b>");
  });

  it("shows the masked name, stars, option, photos and the reply heading", () => {
    const html = render(review);
    expect(html).toContain("张**");
    expect(html).toContain("4 out of 5 stars");
    expect(html).toContain("Option: Black");
    expect(html).toContain('alt="Review photo 1"');
    expect(html).toContain("Seller&#x27;s reply");
  });
});
