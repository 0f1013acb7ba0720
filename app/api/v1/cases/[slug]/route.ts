import { getApiCase } from "@/lib/cases/api";
import { publicJson } from "@/lib/http/json";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const found = getApiCase({ slug });
  if (!found) return publicJson({ error: { code: "not_found", message: "No published case has this slug." } }, { status: 404 });
  return publicJson(found);
}
