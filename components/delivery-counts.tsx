import { useTranslations } from "next-intl";

export type DeliveryCountsView = {
  confirmed: number;
  emailed: number;
  faxed: number;
  posted: number;
  waitingForPost: number;
  reportedBySupporters: number;
};

/** Every category, zeros included: a page that hid "0 posted" would let a reader assume the opposite. */
export function deliveryParts(
  c: DeliveryCountsView,
  t: (key: "emailed" | "faxed" | "posted" | "waiting" | "reported", values: { count: number }) => string,
): { key: string; text: string }[] {
  return [
    { key: "emailed", text: t("emailed", { count: c.emailed }) },
    { key: "faxed", text: t("faxed", { count: c.faxed }) },
    { key: "posted", text: t("posted", { count: c.posted }) },
    { key: "waiting", text: t("waiting", { count: c.waitingForPost }) },
    { key: "reported", text: t("reported", { count: c.reportedBySupporters }) },
  ];
}

/** What has really happened to the letters of a case, in plain words: nothing is called posted or faxed before
 * it was (lib/appeals/delivery-counts). */
export function DeliveryCounts({ counts, className = "" }: { counts: DeliveryCountsView; className?: string }) {
  const t = useTranslations("deliveryCounts");
  return (
    <div className={`text-[0.9375rem] ${className}`} data-testid="delivery-counts">
      <p className="font-semibold">{t("confirmed", { count: counts.confirmed })}</p>
      <p className="mt-1">{deliveryParts(counts, t).map((part) => part.text).join(" · ")}</p>
    </div>
  );
}
