"use client";

import { useActionState } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { updateDeviceAction, type DeviceFormState } from "@/lib/actions/devices";
import { ActivationLink } from "./activation-link";

const IDLE: DeviceFormState = { status: "idle" };
const button = "min-h-12 rounded-lg px-3 py-2 text-sm font-semibold";

/** Reissue and revoke for one device: plain form posts; the confirmation is an extra where JavaScript runs. */
export function DeviceActions({ deviceId, name }: { deviceId: string; name: string }) {
  const t = useT();
  const [state, action, isPending] = useActionState(updateDeviceAction, IDLE);
  return (
    <div className="flex flex-col gap-2">
      <form
        action={action}
        className="flex flex-wrap gap-2"
        onSubmit={(e) => {
          const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          if (submitter?.value === "revoke" && !window.confirm(t("devices.admin.revokeConfirm", { name }))) e.preventDefault();
        }}
      >
        <input type="hidden" name="deviceId" value={deviceId} />
        <button type="submit" name="intent" value="reissue" disabled={isPending} aria-label={t("devices.admin.reissueLabel", { name })} className={`${button} border-2 border-brand-600 bg-white text-brand-700 hover:bg-brand-50`}>
          {t("devices.admin.reissue")}
        </button>
        <button type="submit" name="intent" value="revoke" disabled={isPending} aria-label={t("devices.admin.revokeLabel", { name })} className={`${button} bg-red-700 text-white hover:bg-red-800`}>
          {t("devices.admin.revoke")}
        </button>
      </form>
      {state.status === "error" ? (
        <p role="alert" className="text-sm font-semibold text-red-800">
          {state.message}
        </p>
      ) : null}
      {state.link ? <ActivationLink link={state.link} /> : null}
    </div>
  );
}
