import type { JobView } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import './index.scss';

/** A school-wide job's progress: what it does, a bar, how many of how many. */
export function JobProgress({ job }: { job: JobView }) {
  const state = job.state === 'done' ? '已完成' : job.state === 'failed' ? `未完成：${job.error ?? '出了点问题'}` : '处理中，可以离开本页，回来后继续';
  return (
    <View className={`job-progress job-progress-${job.state}`}>
      <Text className="job-progress-label">
        {job.label}：{job.done}/{job.total}
      </Text>
      <View className="job-progress-track">
        <View className="job-progress-bar" style={{ width: `${job.percent}%` }} />
      </View>
      <Text className="job-progress-state">{state}</Text>
    </View>
  );
}

const WAIT_WHEN_BUSY_MS = 2000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drives a job to its end from a screen: `run(start)` starts it (the start action answers the job
 * after its first step), then asks `advance` for one step after another until it is done. The
 * job's id is kept under `key` on the phone, so a screen left and opened again picks it up where
 * it is. `onFinished` runs once when it ends (e.g. reload the page's data).
 */
export function useJob(key: string, advance: (jobId: string) => Promise<JobView>, onFinished?: (job: JobView) => void) {
  const [job, setJob] = useState<JobView | null>(null);
  const alive = useRef(true);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  const drive = useCallback(
    async (first: JobView) => {
      let current = first;
      setJob(current);
      Taro.setStorageSync(key, current.jobId);
      while (alive.current && current.state === 'running') {
        if (current.busy) await sleep(WAIT_WHEN_BUSY_MS);
        try {
          current = await advance(current.jobId);
        } catch {
          await sleep(WAIT_WHEN_BUSY_MS); // a step killed by the timeout: the next one goes on from where it stopped
          continue;
        }
        if (alive.current) setJob(current);
      }
      if (current.state !== 'running') {
        Taro.removeStorageSync(key);
        finished.current?.(current);
      }
      return current;
    },
    [key, advance],
  );

  useEffect(() => {
    alive.current = true;
    const stored = Taro.getStorageSync(key);
    if (typeof stored === 'string' && stored) {
      advance(stored)
        .then((view) => drive(view))
        .catch(() => Taro.removeStorageSync(key));
    }
    return () => {
      alive.current = false;
    };
  }, [key, advance, drive]);

  const run = useCallback(async (start: () => Promise<JobView>) => drive(await start()), [drive]);
  return { job, run, running: job?.state === 'running' };
}
