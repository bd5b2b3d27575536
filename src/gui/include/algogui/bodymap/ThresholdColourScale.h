#pragma once
// The colour scale of threshold markers on the body map. Low thresholds (sensitive points)
// are red, high ones blue, through a pale yellow middle (ColorBrewer RdYlBu, readable with
// the common colour-vision deficiencies). Every marker also carries its number, so nothing
// depends on colour alone.
#include <QColor>
#include <vector>

namespace algogui {

class ThresholdColourScale {
public:
    /// The site library's fixed range (algocore::storage::kBodyMapRangeKpa).
    ThresholdColourScale();

    /// Fixed range (low < high).
    void set_range_kpa(double low_kpa, double high_kpa);

    double low_kpa() const { return low_kpa_; }
    double high_kpa() const { return high_kpa_; }
    /// Colour of a pressure; values outside the range take the end colours.
    QColor colour(double pressure_kpa) const;
    /// Colour at a position 0 (low) … 1 (high) along the scale, for the legend.
    static QColor colour_at(double fraction);

private:
    double low_kpa_;
    double high_kpa_;
};

} // namespace algogui
