"use client";
import { useT } from "@/components/i18n/translation-provider";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
const key = "min-h-18 rounded-xl bg-slate-200 font-bold text-ink active:bg-slate-400";
/** A word key: its sign above its word, which must fit the key in both languages (no clipped "Kosongkan"). */
const wordKey = `${key} flex flex-col items-center justify-center px-1 text-lg leading-tight`;

/** A key press: the new value of the field from its old one. */
export type KeypadEdit = (value: string) => string;

/** Digits for a touch-only kiosk; a physical keyboard works as well. Needs JavaScript, which is fine: it is extra. */
export function NikKeypad({ onEdit: edit }: { onEdit: (change: KeypadEdit) => void }) {
  const t = useT();
  return (
    <div role="group" aria-label={t("devices.kiosk.keypad")} className="grid grid-cols-3 gap-2">
      {KEYS.map((d) => (
        <button key={d} type="button" className={`${key} text-4xl`} onClick={() => edit((v) => v + d)}>
          {d}
        </button>
      ))}
      <button type="button" aria-label={t("devices.kiosk.clearNik")} className={wordKey} onClick={() => edit(() => "")}>
        <span aria-hidden="true" className="text-2xl">
          ✕
        </span>
        {t("devices.kiosk.clear")}
      </button>
      <button type="button" className={`${key} text-4xl`} onClick={() => edit((v) => v + "0")}>
        0
      </button>
      <button type="button" className={wordKey} onClick={() => edit((v) => v.slice(0, -1))}>
        <span aria-hidden="true" className="text-2xl">
          ⌫
        </span>
        {t("devices.kiosk.backspace")}
      </button>
    </div>
  );
}
