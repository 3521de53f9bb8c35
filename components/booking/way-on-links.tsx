import { ButtonLink } from "@/components/ui/button";

/** A citizen page's way on: one main link and, beside it, checking (or cancelling) a booking already made. */
export function WayOnLinks({ main, checkLabel }: { main: { href: string; label: string }; checkLabel: string }) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row">
      <ButtonLink href={main.href}>{main.label}</ButtonLink>
      <ButtonLink href="/check" variant="secondary">
        {checkLabel}
      </ButtonLink>
    </div>
  );
}
