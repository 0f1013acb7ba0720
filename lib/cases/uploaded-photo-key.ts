import "server-only";
import { keyedHash } from "../security/secret";

/** Ties an upload sent back in the editor's address (?photo=…&key=…) to the staff member who uploaded it, so a
 * link carrying another person's upload does not put it in the editor (app/admin/cases/_lib/uploaded-photo.ts). */
export function uploadedPhotoKey({ userId, name }: { userId: string; name: string }): string {
  return keyedHash("uploaded-photo", `${userId}\0${name}`);
}
