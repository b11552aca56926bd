import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server, in-process, that keeps every message it receives. */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  /** While true, every message is refused with a temporary error (451), as a server in trouble does. */
  refusing = false;
  /** Messages refused so far. */
  refused = 0;
  /** While true, a message is read but never answered: the sender waits, as on a hung server. */
  holding = false;
  /** Messages read while holding (never accepted: a message counts once the server says 250). */
  held = 0;
  private readonly server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData: (stream, session, callback) => {
      if (this.holding) {
        stream.resume();
        stream.on('end', () => (this.held += 1));
        return;
      }
      if (this.refusing) {
        stream.resume();
        stream.on('end', () => {
          this.refused += 1;
          // As real servers do, the refusal repeats the address.
          const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
          callback(Object.assign(new Error(`Mailbox of ${to} busy, try again later`), { responseCode: 451 }));
        });
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          this.messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Messages to `address`, in arrival order. */
  to(address: string): ParsedMail[] {
    return this.messages.filter((mail) => [mail.to].flat().some((to) => to?.value.some((v) => v.address === address)));
  }

  /** Waits for the n-th message to `address` and returns it. */
  async waitFor(address: string, n = 1, timeoutMs = 5000): Promise<ParsedMail> {
    const deadline = Date.now() + timeoutMs;
    while (this.to(address).length < n) {
      if (Date.now() > deadline) throw new Error(`no message ${n} to ${address} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.to(address)[n - 1];
  }
}

/** The `token` query parameter of the first link in a message's text. */
export function tokenIn(mail: ParsedMail): string {
  const match = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '');
  if (!match) throw new Error(`no token link in: ${mail.text}`);
  return match[1];
}
