import net from "node:net";

/**
 * A TCP relay on loopback in front of a real server (PostgreSQL, Redis, an S3 store) that a test cuts
 * (existing connections dropped, new ones refused) and restores on the same port: the service « goes down »
 * and comes back without touching the real server, which other tests on this machine may share.
 *
 * @example
 * const relais = new Relais({ host: "127.0.0.1", port: 5432 });
 * await relais.ouvrir(); // relais.port
 * await relais.couper(); await relais.ouvrir();
 */
export class Relais {
  private serveur: net.Server | null = null;
  private readonly prises = new Set<net.Socket>();
  port = 0;
  constructor(private readonly cible: { host: string; port: number }) {}

  async ouvrir(): Promise<void> {
    this.serveur = net.createServer((client) => {
      const amont = net.connect(this.cible);
      for (const s of [client, amont]) {
        this.prises.add(s);
        s.on("close", () => this.prises.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(amont).pipe(client);
    });
    await new Promise<void>((ok) => this.serveur!.listen(this.port, "127.0.0.1", ok));
    this.port = (this.serveur.address() as net.AddressInfo).port;
  }

  async couper(): Promise<void> {
    for (const s of this.prises) s.destroy();
    await new Promise((ok) => this.serveur?.close(ok));
    this.serveur = null;
  }
}
