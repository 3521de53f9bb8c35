"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useT } from "@/components/i18n/translation-provider";
import { buttonClass } from "@/components/ui/button";

/** The part of the Barcode Detection API we use (not yet in TypeScript's DOM types). */
type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorConstructor = new (options: { formats: string[] }) => Detector;

const subscribe = () => () => {};
const detectorConstructor = (): DetectorConstructor | undefined => (globalThis as { BarcodeDetector?: DetectorConstructor }).BarcodeDetector;

/**
 * Progressive enhancement: where the browser has BarcodeDetector and a camera, a button opens the camera
 * and hands the first QR code it reads to `onScan`. Elsewhere nothing renders and the USB scanner or the
 * keyboard does the job.
 */
export function CameraScanner({ onScan }: { onScan: (text: string) => void }) {
  const t = useT();
  const supported = useSyncExternalStore(subscribe, () => Boolean(detectorConstructor() && navigator.mediaDevices), () => false);
  const [active, setActive] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (!active) return;
    const Detector = detectorConstructor();
    if (!Detector) return;
    const detector = new Detector({ formats: ["qr_code"] });
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" } })
      .then((s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        void video.current.play();
        timer = setInterval(() => {
          if (!video.current || video.current.readyState < 2) return;
          detector
            .detect(video.current)
            .then((codes) => {
              const text = codes[0]?.rawValue;
              if (text && !stopped) {
                stopped = true;
                setActive(false);
                onScan(text);
              }
            })
            .catch(() => undefined);
        }, 250);
      })
      .catch(() => {
        setFailed(true);
        setActive(false);
      });
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [active, onScan]);

  if (!supported) return null;
  return (
    <div className="space-y-2">
      <button type="button" className={buttonClass("secondary")} onClick={() => (setFailed(false), setActive((a) => !a))}>
        {active ? t("checkIn.camera.stop") : t("checkIn.camera.start")}
      </button>
      {failed ? <p role="alert">{t("checkIn.camera.failed")}</p> : null}
      {active ? <video ref={video} aria-label={t("checkIn.camera.video")} muted playsInline className="w-full max-w-sm rounded-lg bg-black" /> : null}
    </div>
  );
}
