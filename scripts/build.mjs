// `npm run build`: the production build as `npm start` and `npm test` make it (scripts/lib/tasks.mjs build):
// next build, the compressed copies of the static files, and the stamp of the sources it was built from.
import { build } from "./lib/tasks.mjs";

build();
