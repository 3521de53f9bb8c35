import Link from "next/link";
import type { StaffActor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import type { MessageKey } from "@/lib/i18n/messages";
import type { Translator } from "@/lib/i18n/translate";

/** `mainOfficeOnly`: the organisation's pages (service points), for the main office's staff only. */
const LINKS: { href: string; label: MessageKey; permission: Permission; mainOfficeOnly?: boolean }[] = [
  { href: "/staff/today", label: "staff.nav.today", permission: "day.view" },
  { href: "/staff/check-in", label: "staff.nav.checkIn", permission: "booking.check_in" },
  { href: "/staff/counter", label: "staff.nav.counter", permission: "queue.operate" },
  { href: "/staff/assist", label: "staff.nav.assist", permission: "booking.assist" },
  { href: "/staff/reports", label: "staff.nav.reports", permission: "reports.view" },
  { href: "/staff/messages", label: "staff.nav.messages", permission: "messages.manage" },
  { href: "/staff/audit", label: "staff.nav.audit", permission: "audit.view" },
  { href: "/staff/admin", label: "staff.nav.admin", permission: "settings.manage" },
  { href: "/staff/schedule", label: "schedule.nav", permission: "schedule.close_session" },
  { href: "/staff/outages", label: "staff.nav.outages", permission: "outage.manage" },
  { href: "/staff/devices", label: "staff.nav.devices", permission: "devices.manage" },
  { href: "/staff/admin/places", label: "staff.nav.places", permission: "places.manage", mainOfficeOnly: true },
  { href: "/staff/admin/users", label: "staff.nav.users", permission: "staff.manage" },
  { href: "/staff/api-keys", label: "staff.nav.apiKeys", permission: "api_keys.manage" },
];

/** Only the links this role may use; the pages and the data layer check again. */
export function StaffNav({ actor, t, currentPath, isMainOffice }: { actor: StaffActor; t: Translator; currentPath: string; isMainOffice: boolean }) {
  return (
    <nav aria-label={t("staff.nav.label")} className="bg-slate-900">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-2">
        {LINKS.filter((link) => can(actor, link.permission) && (isMainOffice || !link.mainOfficeOnly)).map((link, _i, shown) => {
          const matches = (href: string) => currentPath === href || currentPath.startsWith(`${href}/`) || currentPath.startsWith(`${href}?`);
          // The longest matching link is the current one (/staff/admin/users is "Users", not also "Admin").
          const isCurrent = matches(link.href) && !shown.some((other) => other.href.length > link.href.length && matches(other.href));
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`inline-flex min-h-12 items-center px-3 text-white ${isCurrent ? "bg-slate-700 font-semibold" : ""}`}
              >
                {t(link.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
