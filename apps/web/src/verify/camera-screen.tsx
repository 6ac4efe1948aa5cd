import { parseQrText } from '@hirfa/contracts/credential';
import { IconPlayerStop } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createFrameReader } from './qr-reader.ts';

export interface CameraScreenProps {
  /** A card's QR text was read; the camera is already stopped. */
  onText: (text: string) => void;
  /** The camera cannot be used (refused, missing, or failed). */
  onUnavailable: () => void;
  onCancel: () => void;
}

const FRAME_INTERVAL_MS = 150;

/** Live camera view; reads frames until a Hirfa card QR is seen. */
export function CameraScreen({ onText, onUnavailable, onCancel }: CameraScreenProps) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [started, setStarted] = useState(false);
  const [otherQr, setOtherQr] = useState(false);
  // The latest callbacks, without restarting the camera when the parent re-renders.
  const callbacks = useRef({ onText, onUnavailable });
  callbacks.current = { onText, onUnavailable };

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      if (timer !== undefined) window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    const run = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
          audio: false,
        });
        const element = video.current;
        if (stopped || !element) return stop();
        element.srcObject = stream;
        await element.play();
        const read = await createFrameReader();
        if (stopped) return;
        setStarted(true);
        const tick = async () => {
          if (stopped) return;
          const text = await read(element).catch(() => null);
          if (stopped) return;
          if (text) {
            const parsed = parseQrText(text);
            // Another QR code (a product, a website): keep looking, and say so.
            if (!parsed.ok && parsed.reason === 'qr_text_invalid') setOtherQr(true);
            else {
              stop();
              callbacks.current.onText(text);
              return;
            }
          }
          timer = window.setTimeout(() => void tick(), FRAME_INTERVAL_MS);
        };
        void tick();
      } catch {
        if (!stopped) {
          stop();
          callbacks.current.onUnavailable();
        }
      }
    };
    void run();
    return stop;
  }, []);

  return (
    <>
      <h1 className="v-title" tabIndex={-1}>
        {t('verify:camera.title')}
      </h1>
      <p className="v-intro">{t('verify:camera.hint')}</p>
      <div className="v-camera" data-testid="camera">
        <video ref={video} muted playsInline aria-label={t('verify:camera.video')} />
        <div className="v-camera-frame" aria-hidden="true" />
      </div>
      <p className="v-line" aria-live="polite" data-testid="camera-state">
        {otherQr ? t('verify:camera.notCard') : started ? '' : t('verify:camera.starting')}
      </p>
      <div className="v-actions">
        <button type="button" className="v-btn" data-testid="camera-stop" onClick={onCancel}>
          <IconPlayerStop size={26} aria-hidden="true" />
          <span>{t('verify:camera.stop')}</span>
        </button>
      </div>
    </>
  );
}
