// The "I sent it by email" / "I posted it" form: which official, which channel. Shared by the action and its form.
import { z } from "zod";
import { SELF_REPORT_CHANNELS } from "@/db/schema";

export const SelfReportSchema = z.object({
  targetId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "Choose an official."),
  channel: z.enum(SELF_REPORT_CHANNELS, { message: "Choose how you sent it." }),
});
export type SelfReportInput = z.infer<typeof SelfReportSchema>;
