"use client";

import { useEffect, useState } from "react";

const MM_PER_PX = 25.4 / 96;

/**
 * The @page rule for an 80 mm receipt printer. `size: 80mm auto` is not valid CSS and Chromium falls back
 * to Letter (two pages for one slip), so the page gets an explicit height: a generous fixed one from the
 * server (without JavaScript), then the printed content's own height once it can be measured, so the
 * printer feeds no more paper than the slip needs.
 */
export function ReceiptPageSize({ targetId, fallbackHeightMm, marginMm }: { targetId: string; fallbackHeightMm: number; marginMm: number }) {
  const [heightMm, setHeightMm] = useState(fallbackHeightMm);
  useEffect(() => {
    const target = document.getElementById(targetId);
    if (!target) return;
    const measure = () => setHeightMm(receiptHeightMm(target, marginMm));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(target);
    return () => observer.disconnect();
  }, [targetId, marginMm]);
  return <style>{`@page { size: 80mm ${heightMm}mm; margin: ${marginMm}mm; }`}</style>;
}

/**
 * The printed height: the element without its screen-only parts, plus 5% for the slightly narrower print
 * width (more line wraps) and a little slack. In Chromium this lands 15–20 mm past the printed content;
 * too long costs that much paper, too short a second page.
 */
function receiptHeightMm(target: HTMLElement, marginMm: number): number {
  let px = target.getBoundingClientRect().height;
  for (const hidden of target.querySelectorAll<HTMLElement>(".no-print")) {
    if (hidden.parentElement?.closest(".no-print")) continue;
    const style = getComputedStyle(hidden);
    px -= hidden.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
  }
  return Math.ceil(px * MM_PER_PX * 1.05 + 2 * marginMm + 6);
}
