import "server-only";
import type { PrintRunRow, WaitingGroupView } from "@/components/admin/print-runs-panel";
import { listPrintRuns, listWaitingLetters } from "@/lib/print-runs/queries";

/** What both print pages show, shaped for the panel: one case's letters and runs, or every case's. */
export function printPanelData({ caseId }: { caseId?: string }): { waiting: { total: number; oldestAt: Date | null; groups: WaitingGroupView[] }; runs: PrintRunRow[] } {
  const waiting = listWaitingLetters({ caseId });
  return {
    waiting: {
      total: waiting.total,
      oldestAt: waiting.oldestAt,
      groups: waiting.groups.map((g) => ({ ...g, key: `${g.caseId}:${g.targetId}:${g.missionId ?? ""}:${g.recipientLines.join("|")}` })),
    },
    runs: listPrintRuns({ caseId }),
  };
}
