import { formatNumber, plural } from "@/components/format";

export type DeliveryCountsView = {
  confirmed: number;
  emailed: number;
  faxed: number;
  posted: number;
  waitingForPost: number;
  reportedBySupporters: number;
};

/** Every category, zeros included: a page that hid "0 posted" would let a reader assume the opposite. */
export function deliveryParts(c: DeliveryCountsView): { key: string; text: string }[] {
  return [
    { key: "emailed", text: `${formatNumber(c.emailed)} emailed` },
    { key: "faxed", text: `${formatNumber(c.faxed)} faxed` },
    { key: "posted", text: `${formatNumber(c.posted)} posted` },
    { key: "waiting", text: `${formatNumber(c.waitingForPost)} waiting for post` },
    { key: "reported", text: `${formatNumber(c.reportedBySupporters)} sent by supporters themselves` },
  ];
}

/** What has really happened to the letters of a case, in plain words: nothing is called posted or faxed before
 * it was (lib/appeals/delivery-counts). */
export function DeliveryCounts({ counts, className = "" }: { counts: DeliveryCountsView; className?: string }) {
  return (
    <div className={`text-[0.9375rem] ${className}`} data-testid="delivery-counts">
      <p className="font-semibold">{plural(counts.confirmed, "appeal confirmed", "appeals confirmed")}. Letters so far:</p>
      <p className="mt-1">{deliveryParts(counts).map((part) => part.text).join(" · ")}</p>
    </div>
  );
}
