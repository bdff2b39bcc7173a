#!/usr/bin/env bash
# Builds every cargo-fuzz target of fuzz/ once and runs each for SECONDS (default 60), starting
# from a temporary copy of its seed corpus (fuzz/corpus/<target>/, kept small in the repository;
# what the run adds to the corpus is thrown away). Exits non-zero when a target crashes; the
# crashing input is kept in fuzz/artifacts/<target>/ (gitignored) and the command that replays
# it is printed. The last line is `fuzz: N targets, M crashes`.
#
#   scripts/fuzz.sh [SECONDS]
#
# Uses the nightly toolchain when installed (else the default one, which builds the targets
# without a sanitizer); installs cargo-fuzz into .tools/ (gitignored) when it is not there yet. FUZZ_SANITIZER=address runs under AddressSanitizer; the default is
# none: the core forbids unsafe code, and what is looked for is panics (overflow and debug
# assertions are on in fuzz builds), found about twice as fast without ASan.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds="${1:-60}"
case "$seconds" in
  '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2 ;;
esac
sanitizer="${FUZZ_SANITIZER:-none}"
cargo_fuzz_version=0.13.2

# The fuzz crate is a workspace of its own with its own target directory (fuzz/target) and
# cargo-fuzz passes --target itself: the main workspace's settings do not apply.
unset CARGO_TARGET_DIR CARGO_BUILD_TARGET
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

tools="$root/.tools"
export PATH="$tools/bin:$PATH"
# A cargo-fuzz of this version already on PATH (e.g. in ~/.cargo/bin) is used as it is.
if ! cargo-fuzz --version 2>/dev/null | grep -q " $cargo_fuzz_version\$"; then
  echo "fuzz: installing cargo-fuzz $cargo_fuzz_version into .tools/"
  cargo install cargo-fuzz --locked --version "$cargo_fuzz_version" --root "$tools" --quiet
fi

# Nightly when it is installed; without sanitizer cargo-fuzz passes no -Z flag, so the default
# (stable) toolchain builds the targets too.
if cargo +nightly --version > /dev/null 2>&1; then
  toolchain=+nightly
elif [ "$sanitizer" = none ]; then
  toolchain=+$(rustup show active-toolchain | cut -d' ' -f1)
  echo "fuzz: no nightly toolchain, building with $toolchain"
else
  echo "fuzz: FUZZ_SANITIZER=$sanitizer needs the nightly toolchain (rustup toolchain install nightly)" >&2
  exit 1
fi

cd fuzz
mapfile -t targets < <(cargo "$toolchain" fuzz list)
echo "fuzz: building ${#targets[@]} targets (sanitizer: $sanitizer)"
build_start=$(date +%s)
cargo "$toolchain" fuzz build --sanitizer "$sanitizer"
echo "fuzz: built in $(( $(date +%s) - build_start )) s"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
crashes=0
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target"
  mkdir -p "$corpus" "artifacts/$target"
  if [ -d "corpus/$target" ]; then
    cp -R "corpus/$target/." "$corpus/"
  fi
  log="$work/$target.log"
  if cargo "$toolchain" fuzz run --sanitizer "$sanitizer" "$target" "$corpus" -- \
      -max_total_time="$seconds" -timeout=30 -print_final_stats=1 \
      -artifact_prefix="$root/fuzz/artifacts/$target/" > "$log" 2>&1; then
    status=ok
  else
    status=CRASH
    crashes=$((crashes + 1))
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  units=$(find "$corpus" -type f | wc -l)
  echo "fuzz: $target: $status, ${execs:-?} runs (${rate:-?}/s), corpus ${units// /} inputs"
  if [ "$status" = CRASH ]; then
    grep -E "panicked at|^==[0-9]+==|ERROR: libFuzzer|SUMMARY|Test unit written" "$log" | head -n 20 || true
    tail -n 40 "$log"
    echo "fuzz: replay with: (cd fuzz && cargo $toolchain fuzz run --sanitizer $sanitizer $target <artifact>)"
  fi
done

echo "fuzz: ${#targets[@]} targets, $crashes crashes"
[ "$crashes" -eq 0 ]
