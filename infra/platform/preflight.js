// What `npm start` checks before it starts anything, so that a mistake costs a line, not a time-out.
import net from 'node:net';

/** PORT is where the first app listens; the others take the next ports. */
export function basePort() {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65531) {
    console.error(`PORT must be a port number (the portal listens on it, the other apps on the next four), got ${raw}`);
    process.exit(2);
  }
  return port;
}

/** With KAFKA_BROKERS set, a broker must answer now: the apps would otherwise wait out ECAB_START_TIMEOUT. */
export async function assertBrokerAnswers(brokers) {
  const addresses = brokers
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  for (const address of addresses) {
    const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
    const answers = await new Promise((resolve) => {
      const socket = net.connect({ host, port, timeout: 3000 });
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(false));
    });
    if (answers) return;
  }
  throw new Error(
    `no Kafka broker answers at KAFKA_BROKERS=${brokers}: start the local one with \`npm run kafka:start\`, or unset KAFKA_BROKERS to run on the PostgreSQL log`,
  );
}
