// The upload route's body reader: a lying or missing Content-Length does not let a body past the limit.
import { describe, expect, it } from "vitest";
import { readLimitedBody } from "./limited-body";

function streamOf(chunks: number[], sizes = 1024): { request: Request; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks.length) return controller.close();
      controller.enqueue(new Uint8Array(chunks[pulled++]! * sizes));
    },
  });
  return { request: new Request("http://localhost/admin/photos", { method: "POST", body, duplex: "half" } as RequestInit), pulled: () => pulled };
}

describe("readLimitedBody", () => {
  it("returns a body within the limit whole", async () => {
    const { request } = streamOf([1, 2, 3]);
    const read = await readLimitedBody(request, 6 * 1024);
    expect(read.ok && read.bytes.byteLength).toBe(6 * 1024);
  });

  it("stops reading as soon as a streamed body passes the limit, whatever Content-Length said", async () => {
    const { request, pulled } = streamOf(Array.from({ length: 100 }, () => 1));
    expect(await readLimitedBody(request, 10 * 1024)).toEqual({ ok: false });
    expect(pulled()).toBeLessThan(15);
  });

  it("refuses from a declared Content-Length over the limit without reading", async () => {
    const request = new Request("http://localhost/admin/photos", { method: "POST", body: "x", headers: { "Content-Length": String(10 * 1024 * 1024) } });
    expect(await readLimitedBody(request, 1024)).toEqual({ ok: false });
  });
});
