/** The consultant's CRA message for a month of their mission, with the month as it stands now (read in the caller's transaction). */
import type { ChatMessage } from '../../chat/message.js';
import type { Tx } from '../../db/client.js';
import type { YearMonth } from '../../domain/index.js';
import type { CraMission } from '../../services/cra/cra-record.js';
import { closeMessage, type CloseView } from './close-message.js';
import { loadCraGrid } from './cra-content.js';

export async function loadCloseMessage(
  tx: Tx,
  mission: CraMission,
  month: YearMonth,
  extra: Pick<CloseView, 'disputed' | 'note'> = {},
): Promise<ChatMessage> {
  const grid = await loadCraGrid(tx, mission.id, month, mission);
  return closeMessage(mission.consultantLocale, {
    missionId: mission.id,
    missionTitle: mission.title,
    clientName: mission.client.name,
    month,
    startDate: mission.calendar.startDate,
    endDate: mission.calendar.endDate,
    grid,
    ...extra,
  });
}
