// Removes build output folders (cross-platform `rm -rf`). Usage: node scripts/clean.mjs [dir …]
import { rmSync } from 'node:fs';

const dirs = process.argv.slice(2);
for (const dir of dirs.length > 0 ? dirs : ['dist']) {
  rmSync(dir, { recursive: true, force: true });
}
