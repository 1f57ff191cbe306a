/**
 * Scan feedback without audio files: short tones from the Web Audio API. A success is one high
 * beep; an error is two low, longer buzzes, so the dispatcher hears the difference without looking.
 */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof window === 'undefined') return null;
  const Ctor =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  if (!context) {
    try {
      context = new Ctor();
    } catch {
      return null;
    }
  }
  if (context.state === 'suspended') void context.resume().catch(() => {});
  return context;
}

function tone(ctx: AudioContext, frequency: number, start: number, duration: number, type: OscillatorType) {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = type;
  oscillator.frequency.value = frequency;
  // Short fade in/out: no clicks.
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.25, start + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(start);
  oscillator.stop(start + duration + 0.02);
}

export function beepSuccess(): void {
  const ctx = audio();
  if (!ctx) return;
  tone(ctx, 1320, ctx.currentTime, 0.09, 'sine');
}

export function beepError(): void {
  const ctx = audio();
  if (!ctx) return;
  tone(ctx, 220, ctx.currentTime, 0.18, 'square');
  tone(ctx, 180, ctx.currentTime + 0.24, 0.22, 'square');
}
