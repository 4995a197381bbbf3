#!/usr/bin/env bash
# The main job: restores the pinned Cake tool and runs build/build.cake (default target: Pipeline,
# which builds, validates, trains, evaluates, gates, packs and publishes every model to artifacts/feed).
# Other targets: ./build.sh --target=Test | Bench | Clean.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Cake keeps the compiled script (build/tools/cache/, recompiled when the script changes): compiling it is about 2 s of
# every run, most of a run with nothing to do (bench/README.md, (d)).
export CAKE_SETTINGS_ENABLESCRIPTCACHE=${CAKE_SETTINGS_ENABLESCRIPTCACHE:-true}
dotnet tool restore
exec dotnet cake build/build.cake "$@"
