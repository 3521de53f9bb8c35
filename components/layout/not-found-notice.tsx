"use client";

import { useParams } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";

type Text = { title: string; body: string; home: string; check: string };

/** The citizen not-found page in the language of the locale segment (rendered on the server too: no JS needed). */
export function NotFoundNotice({ text }: { text: { id: Text; en: Text } }) {
  const { locale } = useParams<{ locale?: string }>();
  const t = locale === "en" ? text.en : text.id;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p>{t.body}</p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <ButtonLink href="/">{t.home}</ButtonLink>
        <ButtonLink href="/check" variant="secondary">
          {t.check}
        </ButtonLink>
      </div>
    </div>
  );
}
