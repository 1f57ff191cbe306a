import { Button, Modal, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

/** The browser's BarcodeDetector when it has one; otherwise the zxing-wasm ponyfill, loaded only now. */
async function createDetector(): Promise<Detector> {
  const formats = ['code_128', 'qr_code'];
  const native = (
    window as unknown as {
      BarcodeDetector?: DetectorClass & { getSupportedFormats?: () => Promise<string[]> };
    }
  ).BarcodeDetector;
  if (native) {
    const supported = (await native.getSupportedFormats?.()) ?? formats;
    if (formats.every((f) => supported.includes(f))) return new native({ formats });
  }
  const [{ BarcodeDetector, prepareZXingModule }, wasm] = await Promise.all([
    import('barcode-detector/ponyfill'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ]);
  // Served from our own origin (the CSP allows no CDN).
  prepareZXingModule({
    overrides: { locateFile: (path: string) => (path.endsWith('.wasm') ? wasm.default : path) },
  });
  return new BarcodeDetector({ formats: ['code_128', 'qr_code'] }) as unknown as Detector;
}

/** Scans a ticket's barcode or QR with the phone camera; calls `onCode` with what it read. */
export function ScanButton({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (!open) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error(t('ui.lottery.tickets.no_camera'));
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const detector = await createDetector();
        while (!stopped) {
          const found = await detector.detect(video.current).catch(() => []);
          if (found[0]?.rawValue) {
            setOpen(false);
            onCode(found[0].rawValue);
            return;
          }
          await new Promise((r) => window.setTimeout(r, 200));
        }
      } catch (cause) {
        setProblem(cause instanceof Error ? cause.message : String(cause));
      }
    })();
    return () => {
      stopped = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [open, onCode, t]);

  return (
    <>
      <Button
        variant="light"
        onClick={() => {
          setProblem(null);
          setOpen(true);
        }}
        data-testid="tickets-scan"
      >
        {t('ui.lottery.tickets.scan')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('ui.lottery.tickets.scan')}>
        <video ref={video} playsInline muted style={{ width: '100%', background: '#000' }} />
        <Text size="sm" c={problem ? 'red' : 'dimmed'} mt="xs">
          {problem ?? t('ui.lottery.tickets.scan_help')}
        </Text>
      </Modal>
    </>
  );
}
