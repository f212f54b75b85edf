import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { Signature } from '../../ui/nutui';

export type SignatureImage = { base64: string } | { fileID: string };

export interface SignaturePadHandle {
  /** The drawn signature (null: nothing drawn). H5: the PNG as base64; mini-program: uploaded, its fileID. */
  export(): Promise<SignatureImage | null>;
}

type NutSignature = { confirm(): void; clear(): void };

/** Where the mini-program uploads a drawn signature; the agreement function copies it after checking it is a small PNG. */
const UPLOAD_FOLDER = 'signatures/upload';

/**
 * The handwritten signature, on NutUI's Signature (a canvas in H5 and the mini-program).
 * `onDrawn` says whether something is drawn, so signing can wait for it.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, { id: string; onDrawn: (drawn: boolean) => void }>(function SignaturePad({ id, onDrawn }, ref) {
  const canvasId = `${id}-canvas`;
  const pad = useRef<NutSignature>(null);
  const drawn = useRef(false);
  const confirmed = useRef<((path: string) => void) | null>(null);
  const [, rerender] = useState(0);

  /** H5: whether strokes are on the canvas (NutUI sets its canvas up a moment after it shows; a touch before that draws nothing). */
  const painted = () => {
    const canvas = document.querySelector<HTMLCanvasElement>(`canvas[canvas-id="${canvasId}"]`);
    const pixels = canvas?.width ? canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data : undefined;
    if (!pixels) return false;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) return true;
    return false;
  };

  const setDrawn = (value: boolean) => {
    if (drawn.current === value) return;
    drawn.current = value;
    onDrawn(value);
    rerender((n) => n + 1);
  };

  useImperativeHandle(ref, () => ({
    export: async () => {
      if (!drawn.current) return null;
      if (process.env.TARO_ENV === 'h5') {
        const canvas = document.querySelector<HTMLCanvasElement>(`canvas[canvas-id="${canvasId}"]`);
        const data = canvas?.toDataURL('image/png') ?? '';
        return data ? { base64: data.replace(/^data:image\/png;base64,/, '') } : null;
      }
      const tempFilePath = await new Promise<string>((resolve) => {
        confirmed.current = resolve;
        pad.current?.confirm();
      });
      if (!tempFilePath) return null;
      const { fileID } = await Taro.cloud.uploadFile({
        cloudPath: `${UPLOAD_FOLDER}/${Date.now()}-${Math.random().toString(36).slice(2)}.png`,
        filePath: tempFilePath,
      });
      return { fileID };
    },
  }));

  return (
    <View className="field signature-field">
      <View className="field-label">
        手写签名
        {drawn.current && (
          <View
            className="link signature-clear"
            onClick={() => {
              pad.current?.clear();
              setDrawn(false);
            }}
          >
            重写
          </View>
        )}
      </View>
      <View
        className={`signature-pad ${id}`}
        data-testid={id}
        onTouchStart={() => process.env.TARO_ENV !== 'h5' && setDrawn(true)}
        onTouchEnd={() => process.env.TARO_ENV === 'h5' && setDrawn(painted())}
      >
        <Signature
          ref={pad}
          canvasId={canvasId}
          lineWidth={3}
          onConfirm={(path) => {
            confirmed.current?.(path);
            confirmed.current = null;
          }}
        />
      </View>
      {!drawn.current && <View className="section-note">请在框内用手指写下您的名字</View>}
    </View>
  );
});
