export function MailboxBanner() {
  return (
    <div role="note" className="rounded-md border-2 border-ink bg-accent-soft p-4 text-[0.9375rem]">
      <strong>Built-in mailbox:</strong> this server has no SMTP configured; these messages were not sent anywhere.
      They are kept here so the whole journey can be tried on one machine.
    </div>
  );
}
