import { afterEach, describe, expect, it } from "vitest";
import { getRunningOutboxWorker, setRunningOutboxWorker } from "./running-worker";
import { stopOutboxWorker } from "./stop-worker";

afterEach(() => setRunningOutboxWorker({ worker: undefined }));

describe("stopOutboxWorker", () => {
  it("says so when no worker runs in this process", async () => {
    expect(await stopOutboxWorker({ timeoutMs: 50 })).toBe("not-running");
  });

  it("waits for the running worker to finish what it is sending", async () => {
    let finished = false;
    setRunningOutboxWorker({
      worker: {
        owner: "test",
        stop: async () => {
          await new Promise((resolve) => setTimeout(resolve, 30));
          finished = true;
          setRunningOutboxWorker({ worker: undefined });
        },
      },
    });
    expect(await stopOutboxWorker({ timeoutMs: 2_000 })).toBe("stopped");
    expect(finished).toBe(true);
    expect(getRunningOutboxWorker()).toBeUndefined();
  });

  it("gives up after timeoutMs on a worker whose send hangs", async () => {
    setRunningOutboxWorker({ worker: { owner: "test", stop: () => new Promise<void>(() => {}) } });
    const started = Date.now();
    expect(await stopOutboxWorker({ timeoutMs: 100 })).toBe("timed-out");
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
