// A first-come, first-served door in front of /graphql. Embedded PGlite runs one statement at a
// time: 200 requests let in at once interleave their statements, so every one of them takes about
// 200 times as long and, in the measured rush, a few waited 20–30 s behind the rest. Letting a
// handful in at a time, in arrival order, gives the same throughput with each request waiting only
// its turn (the p99 is the queue's length, not luck).
import type { RequestHandler } from 'express';

export interface AdmissionGate {
  handler: RequestHandler;
  /** Requests inside, and waiting at the door (for tests and metrics). */
  readonly inside: number;
  readonly waiting: number;
}

export function admissionGate(limit: number): AdmissionGate {
  let inside = 0;
  const queue: (() => void)[] = [];
  const leave = () => {
    const next = queue.shift();
    if (next) next();
    else inside--;
  };
  const handler: RequestHandler = (_req, res, next) => {
    const enter = () => {
      // Released once, when the answer is sent or the client goes away.
      res.once('close', leave);
      next();
    };
    if (inside < limit) {
      inside++;
      enter();
      return;
    }
    // A client that gives up while waiting leaves the queue and takes no turn.
    const gaveUp = () => queue.splice(queue.indexOf(turn), 1);
    const turn = () => {
      res.off('close', gaveUp);
      enter();
    };
    res.once('close', gaveUp);
    queue.push(turn);
  };
  return {
    handler,
    get inside() {
      return inside;
    },
    get waiting() {
      return queue.length;
    },
  };
}
