import "server-only";
import { RISK_LABELS } from "@/lib/cases/queries";
import { countryOptions } from "@/lib/countries";

export const riskStatusOptions = () => Object.entries(RISK_LABELS).map(([value, label]) => ({ value, label }));
export const countrySelectOptions = () => countryOptions("en").map((c) => ({ code: c.code, name: c.name }));
