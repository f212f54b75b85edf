import { Canvas, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';

export type SignatureImage = { base64: string } | { fileID: string };

export interface SignaturePadHandle {
  /** The drawn signature (null: nothing drawn). H5: a PNG as base64; mini-program: uploaded, a fileID. */
  export(): Promise<SignatureImage | null>;
}

interface Pen {
  begin(x: number, y: number): void;
  line(x: number, y: number): void;
  clear(): void;
}

function penOn(ctx: CanvasRenderingContext2D, width: number, height: number): Pen {
  let last: { x: number; y: number } | null = null;
  ctx.lineWidth = 2.5;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#1f2329';
  return {
    begin: (x, y) => {
      last = { x, y };
    },
    line: (x, y) => {
      if (!last) return;
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(x, y);
      ctx.stroke();
      last = { x, y };
    },
    clear: () => ctx.clearRect(0, 0, width, height),
  };
}

/** A handwritten signature (optional): a native canvas in H5, Canvas 2D in the mini-program. */
export const SignaturePad = forwardRef<SignaturePadHandle, { id: string }>(function SignaturePad({ id }, ref) {
  const [drawn, setDrawn] = useState(false);
  const drawnRef = useRef(false);
  const htmlCanvas = useRef<HTMLCanvasElement | null>(null);
  const miniCanvas = useRef<{ node: any; pen: Pen } | null>(null);
  const pen = useRef<Pen | null>(null);

  const mark = () => {
    if (!drawnRef.current) {
      drawnRef.current = true;
      setDrawn(true);
    }
  };

  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') {
      const canvas = htmlCanvas.current;
      if (!canvas) return;
      canvas.width = 600;
      canvas.height = 240;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      const p = penOn(ctx, canvas.width, canvas.height);
      pen.current = p;
      const at = (e: PointerEvent) => {
        const r = canvas.getBoundingClientRect();
        return [((e.clientX - r.left) * canvas.width) / r.width, ((e.clientY - r.top) * canvas.height) / r.height] as const;
      };
      let down = false;
      const onDown = (e: PointerEvent) => {
        down = true;
        p.begin(...at(e));
        e.preventDefault();
      };
      const onMove = (e: PointerEvent) => {
        if (!down) return;
        p.line(...at(e));
        mark();
        e.preventDefault();
      };
      const onUp = () => {
        down = false;
      };
      canvas.addEventListener('pointerdown', onDown);
      canvas.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
      return () => {
        canvas.removeEventListener('pointerdown', onDown);
        canvas.removeEventListener('pointermove', onMove);
        window.removeEventListener('pointerup', onUp);
      };
    }
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res) => {
          const node = res?.[0]?.node;
          if (!node) return;
          const dpr = Taro.getSystemInfoSync().pixelRatio;
          node.width = res[0].width * dpr;
          node.height = res[0].height * dpr;
          const ctx = node.getContext('2d');
          ctx.scale(dpr, dpr);
          miniCanvas.current = { node, pen: penOn(ctx, res[0].width, res[0].height) };
          pen.current = miniCanvas.current.pen;
        });
    });
    return undefined;
  }, [id]);

  useImperativeHandle(ref, () => ({
    export: async () => {
      if (!drawnRef.current) return null;
      if (process.env.TARO_ENV === 'h5') {
        const data = htmlCanvas.current?.toDataURL('image/png') ?? '';
        return data ? { base64: data.replace(/^data:image\/png;base64,/, '') } : null;
      }
      const canvas = miniCanvas.current?.node;
      if (!canvas) return null;
      const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas } as never);
      const { fileID } = await Taro.cloud.uploadFile({
        cloudPath: `signatures/upload/${Date.now()}-${Math.random().toString(36).slice(2)}.png`,
        filePath: tempFilePath,
      });
      return { fileID };
    },
  }));

  const clear = () => {
    pen.current?.clear();
    drawnRef.current = false;
    setDrawn(false);
  };

  return (
    <View className="field">
      <Text className="field-label">手写签名（选填）</Text>
      {process.env.TARO_ENV === 'h5' ? (
        <canvas ref={htmlCanvas} className="signature-pad" data-testid={id} />
      ) : (
        <Canvas
          type="2d"
          id={id}
          className="signature-pad"
          disableScroll
          onTouchStart={(e: any) => pen.current?.begin(e.touches[0].x, e.touches[0].y)}
          onTouchMove={(e: any) => {
            pen.current?.line(e.touches[0].x, e.touches[0].y);
            mark();
          }}
        />
      )}
      {drawn && (
        <Text className="link" onClick={clear}>
          重写
        </Text>
      )}
    </View>
  );
});
