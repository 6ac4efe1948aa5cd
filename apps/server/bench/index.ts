// `npm run bench`: every benchmark prints its figures as ratios against a baseline measured in
// the same run, because these machines are noisy. Not a test; never run in CI.
import { runCardBench } from './cards.ts';

const only = process.argv[2];
const started = performance.now();
if (!only || only === 'cards') await runCardBench();
process.stdout.write(`\nDone in ${Math.round((performance.now() - started) / 1000)} s.\n`);
process.exit(0);
