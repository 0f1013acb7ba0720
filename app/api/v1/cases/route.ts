import { listApiCases } from "@/lib/cases/api";
import { publicJson } from "@/lib/http/json";

export const dynamic = "force-dynamic";

export function GET() {
  return publicJson({ cases: listApiCases() });
}
