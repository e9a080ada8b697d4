// The machine a `pnpm bench` or `pnpm loadtest` run measured on: its load before and after (other
// work shows up in every figure), and the record of it kept in the results JSON.
import os from 'node:os';

/** 1/5/15-minute load averages, e.g. "1.8 2.9 2.5". */
export const formatLoad = (load: number[]) => load.map((l) => l.toFixed(1)).join(' ');

/** More than half the cores busy before the run starts: its figures will show it. */
export const isBusy = (load: number[]) => load[0]! > os.cpus().length * 0.5;

/** The line printed at the end of a run. */
export const loadAverageLine = (atStart: number[], atEnd: number[]) =>
  `load average (1/5/15 min) at start ${formatLoad(atStart)}, at end ${formatLoad(atEnd)} (${os.cpus().length} cores)`;

/** What the results JSON says of the machine. */
export const machineRecord = (atStart: number[], atEnd: number[]) => ({
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  loadAverageAtStart: atStart,
  loadAverageAtEnd: atEnd,
});
