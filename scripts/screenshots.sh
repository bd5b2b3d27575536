#!/bin/sh
# Screenshots of every page (and the coach view) at the three sizes the layout must work at,
# into docs/screenshots/<page>-<W>x<H>.png. Each runs the app's demo on the simulator long
# enough to reach the state a therapist sees (a trial series, a hold under way, an attempt).
# History and Treatment show a demo subject with six stored sessions (made by
# algoscope-demo-history); the retest prompt comes from the Thresholds page test, which
# stages an invalid trial, and the reaction-time result from the reaction-time page test.
# Usage: scripts/screenshots.sh [build-dir]   (default: build)
set -eu
build=${1:-build}
app=$build/src/app/algoscope
out=docs/screenshots
export QT_QPA_PLATFORM=offscreen
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$build/tests/bench/history/algoscope-demo-history" --db "$scratch/history.sqlite" >/dev/null

shot() { # name scenario after page-or-"coach" size [extra app options]
    name=$1 scenario=$2 after=$3 page=$4 size=$5
    shift 5
    if [ "$page" = coach ]; then
        # The coach view over a treatment hold, so its prompts show.
        "$app" --demo "$scenario" --after "$after" --coach --page treatment --size "$size" \
            --screenshot "$out/$name-$size.png" "$@"
    else
        "$app" --demo "$scenario" --after "$after" --page "$page" --size "$size" \
            --screenshot "$out/$name-$size.png" "$@"
    fi
}

for size in 1024x640 1280x800 1920x1080; do
    shot live sustained-hold 8 live "$size"
    # The device vanishes mid-hold: NO SIGNAL, no number, no verdict.
    shot live-nosignal sustained-hold 6 live "$size" --unplug-after 4
    shot thresholds ppt-ramp 40 thresholds "$size"
    # A copy each time: the demo hold is stored in it.
    cp "$scratch/history.sqlite" "$scratch/treatment.sqlite"
    shot treatment sustained-hold 20 treatment "$size" --db "$scratch/treatment.sqlite" \
        --subject P-0031
    shot training sustained-hold 24 training "$size"
    shot calibration sustained-hold 4 calibration "$size"
    shot reliability sustained-hold 4 reliability "$size"
    shot history idle 4 history "$size" --db "$scratch/history.sqlite" --subject P-0031
    shot coach sustained-hold 22 coach "$size"
done
ALGOSCOPE_SHOT_DIR=$(pwd)/$out "$build/tests/gui/thresholds/ThresholdsPageTest" \
    AnInvalidTrialPromptsARetestWithoutADialog >/dev/null
# The reaction-time result and every trial's RT-adjusted estimate (the page's own test runs
# the test with the simulator's reacting subject).
ALGOSCOPE_SHOT_DIR=$(pwd)/$out "$build/tests/gui/thresholds/ReactionTimePageTest" >/dev/null
# Trigger-point findings with a referral zone drawn on the body map (Treatment page), and the
# History page's trigger points over three visits (the findings test draws and records them).
ALGOSCOPE_SHOT_DIR=$(pwd)/$out "$build/tests/gui/treatment/TriggerPointFindingsTest" >/dev/null
# A hold the device was unplugged in, saved: the summary states the loss (the therapist's
# workflow test unplugs it for 4 s).
ALGOSCOPE_SHOT_DIR=$(pwd)/$out "$build/tests/gui/workflow/TherapistWorkflowTest" >/dev/null
# The Class page with 30 stations publishing into a throwaway PostgreSQL (the page's test
# starts the publishers), at 1280x800 and 1920x1080, and one station followed large.
bash scripts/pg-test-server.sh start "$scratch/pg" >/dev/null
ALGOSCOPE_TEST_SERVER_DIR="$scratch/pg" ALGOSCOPE_SHOT_DIR=$(pwd)/$out \
    "$build/tests/gui/ClassPageTest" aClassOfThirtyFitsAProjectorAndALaptop >/dev/null ||
    { bash scripts/pg-test-server.sh stop "$scratch/pg"; exit 1; }
# The class over the course: two students over their sessions, at the three sizes.
ALGOSCOPE_TEST_SERVER_DIR="$scratch/pg" ALGOSCOPE_SHOT_DIR=$(pwd)/$out \
    "$build/tests/gui/ClassProgressViewTest" theCourseShowsEachStudentsSessionsWithTheStoredNumbers \
    >/dev/null || { bash scripts/pg-test-server.sh stop "$scratch/pg"; exit 1; }
bash scripts/pg-test-server.sh stop "$scratch/pg" >/dev/null
