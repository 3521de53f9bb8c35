/**
 * Sound for the device screens, in the browser only: a two-tone chime generated with the Web Audio API
 * (no audio file to download or cache) followed by speech synthesis. Announcements play one after another,
 * so two counters calling at once are both heard in full.
 *
 * Browsers refuse to play sound before the page has had a user gesture; `unlock()` must run inside a
 * click handler (the display's "Aktifkan suara" button, or any touch on the kiosk). A kiosk browser started
 * with `--autoplay-policy=no-user-gesture-required` needs no gesture at all.
 */

type Task = () => Promise<void>;

let audio: AudioContext | null = null;
let queue: Promise<void> = Promise.resolve();

function context(): AudioContext | null {
  if (typeof window === "undefined" || typeof window.AudioContext === "undefined") return null;
  audio ??= new window.AudioContext();
  return audio;
}

/**
 * Calls back once sound may play without a gesture (kiosk mode, or an earlier interaction). A new audio
 * context may start "suspended" and switch to "running" a moment later, so its state changes are watched.
 */
export function whenSoundAllowed(callback: () => void): () => void {
  const ctx = context();
  if (!ctx) return () => {};
  const check = () => {
    if (ctx.state === "running") callback();
  };
  queueMicrotask(check);
  ctx.addEventListener("statechange", check);
  return () => ctx.removeEventListener("statechange", check);
}

/** Call from a user gesture: resumes audio and primes speech, which some browsers also gate. */
export async function unlockSound(): Promise<void> {
  await context()?.resume().catch(() => {});
  if ("speechSynthesis" in window) window.speechSynthesis.speak(new SpeechSynthesisUtterance(""));
}

function playChime(): Promise<void> {
  const ctx = context();
  if (!ctx || ctx.state !== "running") return Promise.resolve();
  const start = ctx.currentTime + 0.05;
  // "Ding-dong": a major sixth down, soft attack and a long decay, loud enough for a waiting room.
  [
    { freq: 880, at: 0 },
    { freq: 659.25, at: 0.45 },
  ].forEach(({ freq, at }) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, start + at);
    gain.gain.exponentialRampToValueAtTime(0.6, start + at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + at + 1.1);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + at);
    osc.stop(start + at + 1.2);
  });
  return new Promise((resolve) => setTimeout(resolve, 1400));
}

function speak(text: string, lang: string): Promise<void> {
  if (typeof window === "undefined" || !("speechSynthesis" in window)) return Promise.resolve();
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.rate = 0.9;
    const voice = window.speechSynthesis.getVoices().find((v) => v.lang.replace("_", "-").toLowerCase().startsWith(lang.slice(0, 2).toLowerCase()));
    if (voice) utterance.voice = voice;
    // Some engines never fire `end`; never let one stuck utterance block the queue.
    const fallback = setTimeout(resolve, 15_000);
    utterance.onend = utterance.onerror = () => {
      clearTimeout(fallback);
      resolve();
    };
    window.speechSynthesis.speak(utterance);
  });
}

function enqueue(task: Task): Promise<void> {
  queue = queue.then(task, task);
  return queue;
}

/** Chime, then the announcement, after anything already playing. */
export function announce(text: string, lang: string, options: { chime?: boolean } = {}): Promise<void> {
  return enqueue(async () => {
    if (options.chime !== false) await playChime();
    await speak(text, lang);
  });
}
