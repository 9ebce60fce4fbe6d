// A user's guide as `coach mock --guide X` reads it: its summary from the library, then
// the guide itself read again with every statement it makes, for the interviewer.
import type { Guide } from '../../src/guides/model.js';
import { openGuide, openSummaries } from '../../src/commands/shared.js';
import { testIo } from './io.js';

export async function guidesForMock(dirs: string[], pick: (g: { id: string; path: string }) => boolean = () => true): Promise<Guide[]> {
  const io = testIo();
  const lib = await openSummaries({ guides: dirs }, io);
  const out: Guide[] = [];
  for (const s of lib.guides.filter((g) => !g.bundled && pick(g))) out.push(await openGuide({ guides: dirs }, io, lib, s, true));
  return out;
}
