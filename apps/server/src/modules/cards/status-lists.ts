import {
  BitstringStatusList,
  MIN_STATUS_LIST_SIZE,
  signStatusList,
  type StatusPurpose,
} from '@hirfa/contracts/credential';
import type { Config } from '../../platform/config.ts';
import type { Executor } from '../../platform/db/client.ts';
import { listChambers } from '../reference/index.ts';
import { todayInMorocco } from '../../platform/time.ts';
import * as repo from './cards.repo.ts';
import { activeSigner } from './issuer-keys.ts';

export const PURPOSE_STATUS: Record<StatusPurpose, 'revoked' | 'suspended'> = {
  revocation: 'revoked',
  suspension: 'suspended',
};

/**
 * Rebuilds and signs the revocation and suspension lists of every regional chamber from the cards
 * table, and stores them for /status/{chamber}/{purpose}.json. Re-published every interval (a
 * change shows online within one interval); a copy stays usable offline for
 * STATUS_LIST_VALIDITY_HOURS.
 */
export async function publishStatusLists(db: Executor, config: Config): Promise<{ published: number }> {
  const signer = await activeSigner(db, config.appSecret);
  const chambers = (await listChambers(db, todayInMorocco())).filter((c) => c.kind === 'regional');
  const issued = new Date();
  const validUntil = new Date(issued.getTime() + config.statusListValidityHours * 3600_000);
  let published = 0;
  for (const chamber of chambers) {
    for (const purpose of ['revocation', 'suspension'] as const) {
      const list = new BitstringStatusList(MIN_STATUS_LIST_SIZE);
      const indices = await repo.flaggedIndices(db, chamber.code, PURPOSE_STATUS[purpose]);
      for (const i of indices) list.set(i, true);
      const document = await signStatusList(
        { chamber: chamber.code, purpose, list, issued, validUntil },
        signer,
      );
      await repo.savePublication(db, {
        chamberCode: chamber.code,
        purpose,
        document,
        setCount: indices.length,
        publishedAt: issued,
      });
      published++;
    }
  }
  return { published };
}
