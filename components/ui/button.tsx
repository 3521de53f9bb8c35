import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const base =
  "inline-flex min-h-12 items-center justify-center gap-2 rounded-lg px-5 py-3 text-base font-semibold no-underline transition-colors disabled:cursor-not-allowed disabled:opacity-60";
const variants: Record<Variant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border-2 border-brand-600 bg-white text-brand-700 hover:bg-brand-50",
  danger: "bg-red-700 text-white hover:bg-red-800",
  ghost: "text-brand-700 underline hover:bg-brand-50",
};

export function buttonClass(variant: Variant = "primary", extra = ""): string {
  return `${base} ${variants[variant]} ${extra}`.trim();
}

export function Button({ variant = "primary", className = "", ...props }: ComponentProps<"button"> & { variant?: Variant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}

/**
 * A link that looks like a button. It does not prefetch its page when it scrolls into view (pass
 * `prefetch` to opt in): on a slow phone the prefetch requests and their answers are main-thread work
 * right after hydration, and the citizen pages it mostly points at answer quickly from the page cache.
 */
export function ButtonLink({
  href,
  variant = "primary",
  prefetch = false,
  className = "",
  children,
  ...props
}: Omit<ComponentProps<typeof Link>, "className"> & { variant?: Variant; className?: string; children: ReactNode }) {
  return (
    <Link href={href} prefetch={prefetch} className={buttonClass(variant, className)} {...props}>
      {children}
    </Link>
  );
}
