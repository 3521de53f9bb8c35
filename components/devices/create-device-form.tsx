"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { createDeviceAction, type DeviceFormState } from "@/lib/actions/devices";
import { ActivationLink } from "./activation-link";

const IDLE: DeviceFormState = { status: "idle" };

export function CreateDeviceForm() {
  const t = useT();
  const [state, action, isPending] = useActionState(createDeviceAction, IDLE);
  const kind = state.values?.kind ?? "display";
  return (
    <div className="flex flex-col gap-4">
      {state.link ? <ActivationLink link={state.link} /> : null}
      <form action={action} className="flex flex-col gap-4">
        {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
        <fieldset className="flex flex-col gap-2" aria-describedby={state.fields?.kind ? "device-kind-error" : undefined}>
          <legend className="font-semibold">{t("devices.admin.kind")}</legend>
          {(["display", "kiosk"] as const).map((value) => (
            <label key={value} className="flex min-h-12 cursor-pointer items-center gap-3">
              <input type="radio" name="kind" value={value} defaultChecked={kind === value} className="size-6 accent-brand-600" />
              {t(`devices.admin.kind.${value}`)}
            </label>
          ))}
          {state.fields?.kind ? (
            <p id="device-kind-error" className="text-sm font-semibold text-red-800">
              {state.fields.kind.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <Field label={t("devices.admin.name")} name="name" hint={t("devices.admin.nameHint")} required maxLength={80} autoComplete="off" defaultValue={state.status === "error" ? state.values?.name : ""} errors={state.fields?.name} />
        <Button type="submit" disabled={isPending} className="self-start">
          {t("devices.admin.create")}
        </Button>
      </form>
    </div>
  );
}
