import { Canvas as F2Canvas } from '@antv/f2';
import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { f2 } from './f2';

/** The drawing surface of a chart: a 2D context, its size in CSS pixels and the device's pixel ratio. */
interface Surface {
  context: CanvasRenderingContext2D;
  width: number;
  height: number;
  pixelRatio: number;
}

/** Finds the canvas of `id` in H5 (Taro wraps the <canvas>) or, in the mini-program, through the page's selector query (canvas 2d). */
function surfaceOf(id: string, width: number, height: number): Promise<Surface | null> {
  const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 2;
  if (process.env.TARO_ENV === 'h5') {
    const el = document.getElementById(id);
    const canvas = (el?.tagName === 'CANVAS' ? el : el?.querySelector('canvas')) as HTMLCanvasElement | null;
    if (!canvas) return Promise.resolve(null);
    canvas.width = width * pixelRatio;
    canvas.height = height * pixelRatio;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    const context = canvas.getContext('2d');
    return Promise.resolve(context ? { context, width, height, pixelRatio } : null);
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res) => {
        const canvas = res?.[0]?.node as { width: number; height: number; getContext(kind: '2d'): CanvasRenderingContext2D } | undefined;
        if (!canvas?.getContext) return resolve(null);
        canvas.width = width * pixelRatio;
        canvas.height = height * pixelRatio;
        resolve({ context: canvas.getContext('2d'), width, height, pixelRatio });
      });
  });
}

/**
 * An AntV F2 chart in a canvas, the same in the mini-program and in H5. `chart` is the F2 element
 * (built with F2's `jsx`); it is drawn again whenever `deps` change. If the canvas cannot be had
 * (an old WeChat), the page's table beside it still tells the figures.
 */
export function F2Chart({ id, chart, height = 220, deps }: { id: string; chart: () => unknown; height?: number; deps: unknown[] }) {
  const width = Math.max(240, Math.min(Taro.getSystemInfoSync().windowWidth || 375, 720) - 48);
  const drawn = useRef<F2Canvas | null>(null);
  useEffect(() => {
    let cancelled = false;
    Taro.nextTick(async () => {
      const surface = await surfaceOf(id, width, height);
      if (!surface || cancelled) return;
      drawn.current?.destroy();
      const element = f2(F2Canvas, { ...surface, animate: false, children: chart() }) as { props: ConstructorParameters<typeof F2Canvas>[0] };
      const canvas = new F2Canvas(element.props);
      drawn.current = canvas;
      await canvas.render();
    });
    return () => {
      cancelled = true;
    };
  }, deps);
  useEffect(() => () => drawn.current?.destroy(), []);
  return (
    <View className="f2-chart">
      <Canvas type="2d" id={id} canvasId={id} className="f2-chart-canvas" style={{ width: `${width}px`, height: `${height}px` }} />
    </View>
  );
}
