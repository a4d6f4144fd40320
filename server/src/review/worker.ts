// A worker of the review (dist/review-worker.js): reviews the files the main
// thread sends, one at a time, and posts back what the review keeps.
import { parentPort } from 'node:worker_threads';
import { reviewFile, type FileJob } from './read';

parentPort?.on('message', (message: { id: number; job: FileJob }) => {
  reviewFile(message.job).then(
    (outcome) => parentPort!.postMessage({ id: message.id, outcome }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, outcome: { ok: false, file: message.job.file, error: `内部错误：${error instanceof Error ? error.message : String(error)}` } }),
  );
});
