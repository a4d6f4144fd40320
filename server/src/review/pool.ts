// Files reviewed on several cores: a few worker threads, each given the next
// file when it posts the last one back, so that at most one file per worker
// is in memory. Without a worker script (or with one core) the files are
// reviewed in this thread, one after another.
import { Worker } from 'node:worker_threads';
import { reviewFile, type FileJob, type FileOutcome } from './read';

export async function reviewAll(jobs: FileJob[], workers: number, script: string | undefined, onDone: (index: number, outcome: FileOutcome) => void): Promise<void> {
  const count = script ? Math.min(workers, jobs.length) : 0;
  if (count <= 1) {
    for (let i = 0; i < jobs.length; i++) onDone(i, await reviewFile(jobs[i]));
    return;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: count }, () => {
      const worker = new Worker(script!);
      return new Promise<void>((resolve, reject) => {
        let finished = false;
        const give = () => {
          if (next >= jobs.length) {
            finished = true;
            void worker.terminate().then(() => resolve());
            return;
          }
          const id = next++;
          worker.postMessage({ id, job: jobs[id] });
        };
        worker.on('message', (message: { id: number; outcome: FileOutcome }) => {
          onDone(message.id, message.outcome);
          give();
        });
        worker.on('error', (error) => reject(error));
        // An exit before its work is done is a fault (out of memory, killed).
        worker.on('exit', (code) => {
          if (!finished) reject(new Error(`审阅线程意外退出（退出码 ${code}）`));
        });
        give();
      });
    }),
  );
}
