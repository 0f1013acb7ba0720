// A real SMTP server for the end-to-end tests, with a small HTTP API so test workers (separate processes) can
// read what it received: GET /messages?to=ADDRESS, GET /health.
import http from "node:http";
import { startSmtpCapture } from "../../tests/support/smtp-capture";

const smtpPort = Number(process.env.SMTP_PORT);
const httpPort = Number(process.env.HTTP_PORT);

// An official whose address starts "bounce-me-" does not exist: a permanent 5.1.1 at RCPT, a hard bounce
const capture = await startSmtpCapture({
  port: smtpPort,
  rejectWith: (rcpt) => (rcpt.toLowerCase().startsWith("bounce-me-") ? { code: 550, message: "5.1.1 No such mailbox here" } : null),
});

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/health") {
    res.writeHead(200).end("ok");
    return;
  }
  if (url.pathname === "/messages") {
    const to = url.searchParams.get("to")?.toLowerCase();
    const list = capture.messages.filter((m) => !to || m.to.some((t) => t.toLowerCase() === to));
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(list));
    return;
  }
  res.writeHead(404).end();
});
server.listen(httpPort, "127.0.0.1", () => console.log(`mail capture: SMTP ${capture.port}, HTTP ${httpPort}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void capture.close().then(() => process.exit(0));
  });
}
