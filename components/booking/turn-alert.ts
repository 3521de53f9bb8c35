/**
 * A short two-tone beep and a vibration. Browsers allow sound only after a tap on the page, so the citizen
 * turns alerts on once (`unlock`); the same AudioContext is then reused for later alerts.
 */
let context: AudioContext | null = null;

export function unlockTurnAlert(): boolean {
  try {
    context ??= new AudioContext();
    void context.resume();
    return true;
  } catch {
    return false;
  }
}

export function playTurnAlert(): void {
  navigator.vibrate?.([300, 150, 300]);
  if (!context) return;
  const start = context.currentTime;
  for (const [i, freq] of [880, 660].entries()) {
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.25, start + i * 0.25);
    gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.25 + 0.22);
    osc.connect(gain).connect(context.destination);
    osc.start(start + i * 0.25);
    osc.stop(start + i * 0.25 + 0.24);
  }
}
