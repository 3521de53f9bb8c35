import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { buttonClass, type Variant } from "./button-base";

export { Button, buttonClass, type Variant } from "./button-base";

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
