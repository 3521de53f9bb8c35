"use client";

import { useEffect, useState } from "react";
import { unlockSound, whenSoundAllowed } from "./speaker";

/**
 * Browsers block sound until the page has had a click or touch. The overlay asks for that one touch
 * after every restart of the TV; where the browser already allows sound (kiosk mode) it never shows.
 */
export function SoundGate({ label, hint }: { label: string; hint: string }) {
  const [isOpen, setOpen] = useState(true);
  // Checked after mount: the audio context exists only in the browser.
  useEffect(() => whenSoundAllowed(() => setOpen(false)), []);
  if (!isOpen) return null;
  return (
    <div className="fixed inset-0 z-20 flex flex-col items-center justify-center gap-[2vw] bg-black/85 p-[4vw] text-center">
      <button
        type="button"
        autoFocus
        onClick={async () => {
          await unlockSound();
          setOpen(false);
        }}
        className="rounded-[1.5vw] bg-amber-300 px-[5vw] py-[2.5vw] text-[4vw] font-bold text-black focus:outline-[0.5vw] focus:outline-white"
      >
        {label}
      </button>
      <p className="max-w-[60vw] text-[1.8vw] text-white">{hint}</p>
    </div>
  );
}
