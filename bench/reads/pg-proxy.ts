/**
 * A TCP proxy in front of PostgreSQL that counts the statements its clients send, by reading the frontend
 * protocol: a simple Query, or an Execute of the extended protocol (named after the statement its portal was
 * bound to). The fallback for counting statements per request where pg_stat_statements is not loaded: a
 * second server process connects through it for the counting only (the measured one never does: the proxy
 * adds a hop to every round trip).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export class CountingProxy {
  /** Statement text → executions since the start. */
  readonly counts = new Map<string, number>();
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listens on 127.0.0.1 (a free port), forwarding to `target`'s host and port. */
  static start(target: string): Promise<CountingProxy> {
    const u = new URL(target);
    const host = u.hostname;
    const port = Number(u.port || 5432);
    return new Promise((resolve, reject) => {
      let proxy: CountingProxy;
      const server = createServer((client) => {
        const upstream = connect({ host, port });
        proxy.sockets.add(client).add(upstream);
        const done = () => {
          client.destroy();
          upstream.destroy();
          proxy.sockets.delete(client);
          proxy.sockets.delete(upstream);
        };
        client.on('error', done).on('close', done);
        upstream.on('error', done).on('close', done);
        upstream.pipe(client);
        const parse = proxy.parser();
        client.on('data', (chunk: Buffer) => {
          parse(chunk);
          upstream.write(chunk);
        });
      });
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        proxy = new CountingProxy(server, (server.address() as { port: number }).port);
        resolve(proxy);
      });
    });
  }

  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  private count(sql: string | undefined) {
    if (sql === undefined) return;
    this.counts.set(sql, (this.counts.get(sql) ?? 0) + 1);
  }

  /** A parser of one connection's frontend messages. */
  private parser(): (chunk: Buffer) => void {
    let buf: Buffer = Buffer.alloc(0);
    let started = false;
    const statements = new Map<string, string>(); // prepared statement name → text
    const portals = new Map<string, string>(); // portal name → text
    const cstring = (b: Buffer, at: number) => {
      const end = b.indexOf(0, at);
      return { value: b.toString('utf8', at, end), next: end + 1 };
    };
    return (chunk) => {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      for (;;) {
        if (!started) {
          if (buf.length < 8) return;
          const len = buf.readInt32BE(0);
          if (buf.length < len) return;
          const code = buf.readInt32BE(4);
          if (!(len === 8 && (code === 80877103 || code === 80877104))) started = true; // else SSL/GSS request: the startup follows
          buf = buf.subarray(len);
          continue;
        }
        if (buf.length < 5) return;
        const type = String.fromCharCode(buf[0]);
        const len = buf.readInt32BE(1);
        if (buf.length < 1 + len) return;
        const body = buf.subarray(5, 1 + len);
        if (type === 'Q') this.count(cstring(body, 0).value.trim());
        else if (type === 'P') {
          const name = cstring(body, 0);
          statements.set(name.value, cstring(body, name.next).value);
        } else if (type === 'B') {
          const portal = cstring(body, 0);
          const statement = cstring(body, portal.next);
          const text = statements.get(statement.value);
          if (text !== undefined) portals.set(portal.value, text);
        } else if (type === 'E') this.count(portals.get(cstring(body, 0).value));
        buf = buf.subarray(1 + len);
      }
    };
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
