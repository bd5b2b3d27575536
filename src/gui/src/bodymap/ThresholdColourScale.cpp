#include "algogui/bodymap/ThresholdColourScale.h"

#include <algorithm>
#include <cmath>

#include "algocore/storage/SiteLibrary.h"

namespace algogui {

namespace {
// RdYlBu, 5 classes: sensitive (low kPa) red → insensitive (high kPa) blue.
const QColor kStops[] = {QColor(0xd7, 0x19, 0x1c), QColor(0xfd, 0xae, 0x61),
                         QColor(0xff, 0xff, 0xbf), QColor(0xab, 0xd9, 0xe9),
                         QColor(0x2c, 0x7b, 0xb6)};
constexpr int kStopCount = sizeof(kStops) / sizeof(kStops[0]);
} // namespace

ThresholdColourScale::ThresholdColourScale()
    : low_kpa_(algocore::storage::kBodyMapRangeKpa.low_kpa),
      high_kpa_(algocore::storage::kBodyMapRangeKpa.high_kpa) {}

void ThresholdColourScale::set_range_kpa(double low_kpa, double high_kpa) {
    if (!(high_kpa > low_kpa)) return;
    low_kpa_ = low_kpa;
    high_kpa_ = high_kpa;
}

QColor ThresholdColourScale::colour(double pressure_kpa) const {
    return colour_at((pressure_kpa - low_kpa_) / (high_kpa_ - low_kpa_));
}

QColor ThresholdColourScale::colour_at(double fraction) {
    const double f = std::clamp(std::isfinite(fraction) ? fraction : 0.0, 0.0, 1.0);
    const double position = f * (kStopCount - 1);
    const int index = std::min(static_cast<int>(position), kStopCount - 2);
    const double along = position - index;
    const QColor& a = kStops[index];
    const QColor& b = kStops[index + 1];
    auto mix = [along](int from, int to) {
        return static_cast<int>(std::lround(from + (to - from) * along));
    };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

} // namespace algogui
