// Runs infra/postgres/embedded.js as a process of its own, for a drill that restarts PostgreSQL:
//   node embedded-postgres.js <dataDir> <port> <database>
// Prints one JSON line {"url", "pid"} once PostgreSQL accepts connections; SIGTERM/SIGINT shut it down
// (fast shutdown) and end this process. If this process dies, embedded.js still stops the server.
import { startEmbeddedPostgres } from '../../../infra/postgres/embedded.js';

const [dataDir, port, database] = process.argv.slice(2);
if (!dataDir || !port || !database) {
  console.error('usage: node embedded-postgres.js <dataDir> <port> <database>');
  process.exit(2);
}
const server = await startEmbeddedPostgres({ dataDir, port: Number(port), database, log: (line) => console.error(`postgres: ${line}`) });
console.log(JSON.stringify({ url: server.url, pid: server.pid }));

// embedded.js unrefs the server: this keeps the process (and so the server) alive until told to stop.
const keepAlive = setInterval(() => undefined, 60_000);
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  clearInterval(keepAlive);
  void server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
void server.exited.then(() => {
  if (!stopping) {
    console.error('postgres: the server exited on its own');
    process.exit(1);
  }
});
