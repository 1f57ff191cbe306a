import { Alert, Button, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The subset of the Barcode Detection API used here (Chromium on Android, among others). */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorCtor | null {
  return (window as unknown as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector ?? null;
}

export const cameraSupported = (): boolean =>
  typeof window !== 'undefined' && detectorClass() !== null && !!navigator.mediaDevices?.getUserMedia;

const FORMATS = ['code_128', 'code_39', 'ean_13', 'ean_8', 'itf', 'upc_a', 'qr_code'];
/** The same code seen again within this window is the same basket still in front of the camera. */
const REPEAT_MS = 2_500;

/**
 * Reads barcodes from the phone's back camera with the browser's BarcodeDetector and hands each new
 * code to `onCode`; where the browser lacks it, the button is not offered and the manual field stays.
 */
export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [active, setActive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const latest = useRef(onCode);
  latest.current = onCode;

  useEffect(() => {
    if (!active) return;
    const Detector = detectorClass();
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const last = { code: '', at: 0 };
    const detector = new Detector({ formats: FORMATS });
    const tick = async () => {
      if (stopped || !video.current) return;
      try {
        const found = await detector.detect(video.current);
        const code = found[0]?.rawValue?.trim();
        const now = Date.now();
        if (code && (code !== last.code || now - last.at > REPEAT_MS)) {
          last.code = code;
          last.at = now;
          latest.current(code);
        } else if (code) {
          last.at = now;
        }
      } catch {
        // a frame that cannot be read: try the next one
      }
      if (!stopped) timer = window.setTimeout(tick, 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        if (stopped) {
          for (const track of media.getTracks()) track.stop();
          return;
        }
        stream = media;
        if (video.current) {
          video.current.srcObject = media;
          await video.current.play().catch(() => {});
        }
        void tick();
      })
      .catch(() => {
        setError(t('ui.bakery.baskets.camera_error'));
        setActive(false);
      });
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [active, t]);

  if (!cameraSupported()) return null;
  return (
    <Stack gap="xs">
      <Button variant="light" onClick={() => setActive((a) => !a)} data-testid="camera-toggle">
        {active ? t('ui.bakery.baskets.camera_stop') : t('ui.bakery.baskets.camera')}
      </Button>
      {error ? <Alert color="red">{error}</Alert> : null}
      {active ? (
        <video
          ref={video}
          muted
          playsInline
          style={{ width: '100%', maxHeight: 240, objectFit: 'cover', borderRadius: 8, background: '#000' }}
        />
      ) : null}
    </Stack>
  );
}
