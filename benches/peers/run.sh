#!/usr/bin/env bash
# One same-run speed table of dualdiff against its forward-mode peers.
#
# What it measures: the cases of benches/peers.rs (a scalar derivative, Rosenbrock gradients at
# n = 10 and 100, Rosenbrock Hessians at n = 2 and 10, a 3→2 Jacobian and a 40-parameter
# logistic-regression gradient), each computed by
#   - dualdiff and num-dual 0.15, built three times: cargo's default bench profile, fat LTO, and
#     the default profile with RUSTFLAGS="-C target-cpu=native" (what -march=native is to g++);
#   - Ceres Solver's ceres::Jet and Boost.Math's autodiff fvar (benches/peers/peers.cpp), built
#     twice: g++ -O3, and g++ -O3 -march=native;
#   - hand-written derivatives in Rust and in C++.
# Every binary checks every method against the hand-written derivative before timing it, and
# times medians of interleaved batches (see benches/peers/README.md). The binaries themselves run
# interleaved too (round-robin, PEERS_RUNS times each), so a slow spell of the shared machine hits
# all columns alike; a cell is the median over those runs of the library's fastest formulation,
# which the cell names.
#
# Usage: bash benches/peers/run.sh [--detail] [case-name-substring...]
#   --detail        also print every formulation's figure per build, not only each library's best
#   PEERS_RUNS=3    interleaved runs of each binary
#   PEERS_ROUNDS=30 rounds inside each run (each round times one batch of every method)
#   PEERS_BATCH_MS=2  target length of one batch
# The raw `case<TAB>method<TAB>median_ns` lines are kept in target/peers/last/.
#
# The C++ columns need g++, Ceres, Eigen and Boost headers (Debian, as root):
#   apt-get update && apt-get install -y g++ libceres-dev libeigen3-dev libboost-dev
# Without them the script says so and runs the Rust side alone.
set -euo pipefail
cd "$(dirname "$0")/../.."

detail=()
if [[ "${1:-}" == "--detail" ]]; then
  detail=(--detail)
  shift
fi
runs=${PEERS_RUNS:-3}
rounds=${PEERS_ROUNDS:-30}
batch_ms=${PEERS_BATCH_MS:-2}
out=target/peers
raw=$out/last
start=$SECONDS

# The path of the bench executable that cargo builds (cargo prints it as JSON).
bench_executable() {
  cargo bench --bench peers --no-run --message-format=json "$@" |
    grep -o '"executable":"[^"]*peers-[^"]*"' | tail -n 1 | cut -d'"' -f4
}

echo "building the Rust bench (default bench profile)..." >&2
rust_default=$(bench_executable)
echo "building the Rust bench (fat LTO, target/peers-lto)..." >&2
rust_lto=$(CARGO_PROFILE_BENCH_LTO=fat CARGO_TARGET_DIR=target/peers-lto bench_executable)
echo "building the Rust bench (-C target-cpu=native, target/peers-native)..." >&2
rust_native=$(RUSTFLAGS="-C target-cpu=native" CARGO_TARGET_DIR=target/peers-native bench_executable)

binaries=("rust=$rust_default" "rust-lto=$rust_lto" "rust-native=$rust_native")

cxx_headers='#include <ceres/jet.h>
#include <boost/math/differentiation/autodiff.hpp>'
if ! command -v g++ >/dev/null 2>&1; then
  cpp_missing="g++ is not installed"
elif ! g++ -std=c++17 -I/usr/include/eigen3 -fsyntax-only -x c++ - <<<"$cxx_headers" 2>/dev/null; then
  cpp_missing="the Ceres, Eigen or Boost headers are missing"
else
  cpp_missing=""
fi
if [[ -n "$cpp_missing" ]]; then
  echo "skipping the C++ columns: $cpp_missing (install, as root: apt-get update && apt-get install -y g++ libceres-dev libeigen3-dev libboost-dev)" >&2
else
  mkdir -p "$out"
  src=benches/peers/peers.cpp
  build_cpp() { # name, flags...
    local bin=$out/$1
    shift
    if [[ ! -x "$bin" || "$src" -nt "$bin" ]]; then
      g++ -std=c++17 "$@" -I/usr/include/eigen3 "$src" -o "$bin"
    fi
  }
  echo "building the C++ bench (-O3 and -O3 -march=native)..." >&2
  build_cpp peers-cpp-O3 -O3 &
  o3=$!
  build_cpp peers-cpp-native -O3 -march=native &
  native=$!
  wait "$o3"
  wait "$native"
  binaries+=("cpp-O3=$out/peers-cpp-O3" "cpp-native=$out/peers-cpp-native")
fi
built=$SECONDS

rm -rf "$raw"
mkdir -p "$raw"
count=${#binaries[@]}
for ((run = 0; run < runs; run++)); do
  echo "run $((run + 1)) of $runs..." >&2
  # Rotate the order each run, so no binary always follows the same one.
  for ((k = 0; k < count; k++)); do
    entry=${binaries[$(((k + run) % count))]}
    label=${entry%%=*}
    "${entry#*=}" --machine --rounds "$rounds" --batch-ms "$batch_ms" "$@" >>"$raw/$label.tsv"
  done
done

merge_args=()
for entry in "${binaries[@]}"; do
  label=${entry%%=*}
  merge_args+=("$label=$raw/$label.tsv")
done
echo >&2
"$rust_default" --merge "${detail[@]}" "${merge_args[@]}"
if [[ -n "$cpp_missing" ]]; then
  echo "C++ columns skipped: $cpp_missing."
fi
echo "(build $((built - start)) s, runs $((SECONDS - built)) s)" >&2
