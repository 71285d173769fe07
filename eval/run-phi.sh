#!/usr/bin/env bash
# Reproduces the PHI figures of docs/evaluation.md: builds the CLI once, then evaluates the detectors on the test part
# of each public data set and on the synthetic test corpus. Pass --json for one JSON line per data set.
# The public data is not in this repository: set PHI_DATA to its folder (default ../shared/datasets/phi, beside the repository).
set -euo pipefail
cd "$(dirname "$0")/.."

data="${PHI_DATA:-../shared/datasets/phi}"
dotnet build src/Caduceus.Cli -c Release -nologo -v quiet
caduceus=(dotnet src/Caduceus.Cli/bin/Release/net10.0/caduceus.dll)

for name in presidio_synth_dataset_v2 presidio_generated_large; do
  "${caduceus[@]}" eval phi --data "$data/$name.jsonl" --split "eval/splits/phi/$name.test.txt" "$@"
done
"${caduceus[@]}" eval phi --data eval/corpus/phi-synthetic.test.jsonl "$@"
