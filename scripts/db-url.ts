// Prints the URL of the embedded cluster in ENSEMBLE_DATA_DIR (default .data), or of the directory
// given, for other local instances: DATABASE_URL=$(npm run -s db:url) npm start -- -p 3001.
// The URL carries the app role's password; it is read from cluster.json, which only its owner can read.
import path from "node:path";
import { appUrl, readClusterConfig } from "../server/db/embedded-config";

const dir = path.resolve(process.argv[2] ?? process.env.ENSEMBLE_DATA_DIR ?? ".data");
const config = readClusterConfig(dir);
if (!config) {
  process.stderr.write(`no embedded cluster in ${dir} yet: start the app once (npm start) to create it\n`);
  process.exit(1);
}
process.stdout.write(`${appUrl(config)}\n`);
