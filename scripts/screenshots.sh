#!/bin/sh
# Screenshots of every page (and the coach view) at the three sizes the layout must work at,
# into docs/screenshots/<page>-<W>x<H>.png. Each runs the app's demo on the simulator long
# enough to reach the state a therapist sees (a trial series, a hold under way, an attempt).
# Usage: scripts/screenshots.sh [path/to/algoscope]
set -eu
app=${1:-build/src/app/algoscope}
out=docs/screenshots
export QT_QPA_PLATFORM=offscreen

shot() { # name scenario after page-or-"coach" size
    if [ "$4" = coach ]; then
        # The coach view over a treatment hold, so its prompts show.
        "$app" --demo "$2" --after "$3" --coach --page treatment --size "$5" \
            --screenshot "$out/$1-$5.png"
    else
        "$app" --demo "$2" --after "$3" --page "$4" --size "$5" --screenshot "$out/$1-$5.png"
    fi
}

for size in 1024x640 1280x800 1920x1080; do
    shot live sustained-hold 8 live "$size"
    shot thresholds ppt-ramp 40 thresholds "$size"
    shot treatment sustained-hold 20 treatment "$size"
    shot training sustained-hold 24 training "$size"
    shot calibration sustained-hold 4 calibration "$size"
    shot reliability sustained-hold 4 reliability "$size"
    shot coach sustained-hold 22 coach "$size"
done
