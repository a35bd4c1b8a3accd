// Serves the fake OpenAI-compatible server with the demo script, for demos and the LLM e2e test:
//   npx tsx test/fake-openai/cli.ts --port 3199   (then OPENAI_BASE_URL=http://127.0.0.1:3199/v1)
import { startFakeOpenAI } from "./server";
import { demoResponse } from "./demo-script";

function portFromArgs(argv: string[]): number {
  const i = argv.indexOf("--port");
  const raw = i >= 0 ? argv[i + 1] : process.env.PORT ?? "3199";
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`fake-openai: --port must be a TCP port, got "${raw}"`);
    process.exit(2);
  }
  return port;
}

const fake = await startFakeOpenAI({ port: portFromArgs(process.argv.slice(2)), respond: demoResponse });
console.log(`fake-openai listening on ${fake.url} (chat/completions and responses; demo script)`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
