// The /healthz poller of the healthz case, in a worker thread of its own: its timer and its clock
// keep running while the API's thread (the bench's main thread, where the server runs) is busy, so
// a stall of the server shows up as a slow answer, as it would for a load balancer's probe.
// Plain JavaScript: a worker starts without the TypeScript loader.
//
// workerData: { url, intervalMs }. Requests GET <url> one at a time, starting one every intervalMs
// (the next right away when an answer took longer), until the parent posts 'stop'; then posts
// { samples: number[] (ms per request, send to end of body), failures: number, first, last } and exits.
import { parentPort, workerData } from 'node:worker_threads';

const { url, intervalMs } = workerData;
let stopping = false;
parentPort.on('message', (message) => {
  if (message === 'stop') stopping = true;
});

const samples = [];
let failures = 0;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const started = performance.now();
let next = started;
while (!stopping) {
  const t = performance.now();
  try {
    const response = await fetch(url);
    await response.text();
    if (response.status !== 200) failures++;
  } catch {
    failures++;
  }
  samples.push(performance.now() - t);
  next += intervalMs;
  const now = performance.now();
  if (next < now) next = now;
  await sleep(next - now);
}
parentPort.postMessage({ samples, failures, seconds: (performance.now() - started) / 1000 });
