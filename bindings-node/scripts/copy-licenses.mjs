// Copies the repository's LICENSE-MIT and LICENSE-APACHE into the main package and into every
// per-platform package under npm/ (npm pack leaves symlinks out, so they are real copies,
// ignored by git). Runs as the main package's `prepack`; dist.sh and the release workflow run it
// before packing the platform packages.
import { copyFileSync, existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..')
const repo = join(pkg, '..')
const npmDir = join(pkg, 'npm')
const dirs = [pkg]
if (existsSync(npmDir)) {
  for (const entry of readdirSync(npmDir, { withFileTypes: true })) {
    if (entry.isDirectory()) dirs.push(join(npmDir, entry.name))
  }
}
for (const dir of dirs) {
  for (const name of ['LICENSE-MIT', 'LICENSE-APACHE']) {
    copyFileSync(join(repo, name), join(dir, name))
  }
}
