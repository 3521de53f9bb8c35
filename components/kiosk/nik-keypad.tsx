"use client";
import { useT } from "@/components/i18n/translation-provider";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
const key = "min-h-20 rounded-xl bg-slate-200 font-bold text-ink active:bg-slate-400";

/** A key press: the new value of the field from its old one. */
export type KeypadEdit = (value: string) => string;

/** Digits for a touch-only kiosk; a physical keyboard works as well. Needs JavaScript, which is fine: it is extra. */
export function NikKeypad({ onEdit: edit }: { onEdit: (change: KeypadEdit) => void }) {
  const t = useT();
  return (
    <div role="group" aria-label={t("devices.kiosk.keypad")} className="grid grid-cols-3 gap-3">
      {KEYS.map((d) => (
        <button key={d} type="button" className={`${key} text-4xl`} onClick={() => edit((v) => v + d)}>
          {d}
        </button>
      ))}
      <button type="button" aria-label={t("devices.kiosk.clearNik")} className={`${key} text-xl`} onClick={() => edit(() => "")}>
        {t("devices.kiosk.clear")}
      </button>
      <button type="button" className={`${key} text-4xl`} onClick={() => edit((v) => v + "0")}>
        0
      </button>
      <button type="button" className={`${key} text-xl`} onClick={() => edit((v) => v.slice(0, -1))}>
        ⌫ {t("devices.kiosk.backspace")}
      </button>
    </div>
  );
}
