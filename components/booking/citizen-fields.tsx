"use client";

import type { ComponentProps } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { Field } from "@/components/ui/field";

type Props = Omit<ComponentProps<typeof Field>, "name" | "label"> & { label?: string };

/**
 * The fields a citizen types on several forms (booking, look-up, recovery, standby, survey), each written
 * once: the keyboard, autofill and length of the box; the label, hint, errors and value come from the form.
 */

/** The NIK: a number pad, never autofilled. */
export function NikField({ label, hint, ...input }: Props) {
  const t = useT();
  return <Field label={label ?? t("details.nik")} name="nik" hint={hint ?? t("details.nikHint")} inputMode="numeric" autoComplete="off" maxLength={24} required {...input} />;
}

/** The phone number the booking's messages go to. */
export function PhoneField({ label, hint, ...input }: Props) {
  const t = useT();
  return <Field label={label ?? t("details.phone")} name="phone" hint={hint ?? t("details.phoneHint")} type="tel" inputMode="tel" autoComplete="tel" maxLength={20} required {...input} />;
}

/** A booking's or a standby entry's reference code, typed from a slip: capitals, no spelling help. */
export function ReferenceField({ label, ...input }: Props & { label: string }) {
  return <Field label={label} name="reference" autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={20} required {...input} />;
}
