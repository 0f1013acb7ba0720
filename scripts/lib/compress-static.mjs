// After `next build`: every compressible file under .next/static (scripts, styles, SVG) gets a brotli (quality
// 11) and a gzip (level 9) copy beside it, which scripts/serve.mjs sends as they are (lib/http/static-assets.ts).
// Those files never change once built (their names hold their hash), so the slow, small encoding is paid once
// here instead of on every cold visit. Plain Node, no dependencies.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export const COMPRESSIBLE = /\.(?:js|css|svg|json|txt)$/;

export function compressStatic(dir) {
  let files = 0;
  let before = 0;
  let after = 0;
  const walk = (at) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const file = path.join(at, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (COMPRESSIBLE.test(entry.name)) {
        const body = fs.readFileSync(file);
        const br = zlib.brotliCompressSync(body, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        });
        fs.writeFileSync(`${file}.br`, br);
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
        files++;
        before += body.length;
        after += br.length;
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return { files, before, after };
}

/** compressStatic, then one line saying what it did (the build step of `npm start` and of `npm run build`). */
export function compressStaticAndReport(dir) {
  const { files, before, after } = compressStatic(dir);
  console.log(`Compressed ${files} static files: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB with brotli`);
}

if (import.meta.url === `file://${process.argv[1]}`) compressStaticAndReport(path.resolve(process.argv[2] ?? ".next/static"));
