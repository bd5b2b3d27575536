#include "algogui/bodymap/BodyMapGeometry.h"

#include <algorithm>
#include <cmath>

namespace algogui {

using algocore::records::BodyMapPoint;
using algocore::records::BodySide;
using algocore::records::Site;

namespace {
// Half-width of the midline strip, as a fraction of the box (4 units of 200).
constexpr double kMidlineHalfWidth = 0.02;
// Gap between the two views, as a fraction of one view's width.
constexpr double kGapFraction = 0.12;
} // namespace

void BodyMapLayout::place(const QRectF& area, double caption_px) {
    caption_px_ = caption_px;
    const double usable_h = std::max(1.0, area.height() - caption_px);
    // Two boxes and a gap must fit the width; each box must fit the height.
    const double w = std::min(usable_h * kAspect, area.width() / (2.0 + kGapFraction));
    const double h = w / kAspect;
    const double total_w = w * (2.0 + kGapFraction);
    const double left = area.left() + (area.width() - total_w) / 2.0;
    const double top = area.top() + caption_px + (usable_h - h) / 2.0;
    front_ = QRectF(left, top, w, h);
    back_ = QRectF(left + w * (1.0 + kGapFraction), top, w, h);
}

QRectF BodyMapLayout::view_box(BodyView view) const {
    return view == BodyView::Front ? front_ : back_;
}

QRectF BodyMapLayout::caption_box(BodyView view) const {
    const QRectF box = view_box(view);
    return QRectF(box.left(), box.top() - caption_px_, box.width(), caption_px_);
}

QPointF BodyMapLayout::to_widget(BodyView view, QPointF fraction) const {
    const QRectF box = view_box(view);
    return {box.left() + fraction.x() * box.width(), box.top() + fraction.y() * box.height()};
}

std::optional<BodyMapHit> BodyMapLayout::hit(QPointF widget_point) const {
    for (BodyView view : {BodyView::Front, BodyView::Back}) {
        const QRectF box = view_box(view);
        if (!box.contains(widget_point) || box.width() <= 0) continue;
        return BodyMapHit{view,
                          {(widget_point.x() - box.left()) / box.width(),
                           (widget_point.y() - box.top()) / box.height()}};
    }
    return std::nullopt;
}

std::vector<BodyMapMarker> markers_for(const std::vector<Site>& sites) {
    std::vector<BodyMapMarker> markers;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const Site& site = sites[i];
        const std::vector<BodySide> sides =
            site.paired ? std::vector<BodySide>{BodySide::Left, BodySide::Right}
                        : std::vector<BodySide>{BodySide::Midline};
        for (BodyView view : {BodyView::Front, BodyView::Back}) {
            const auto& point = view == BodyView::Front ? site.front : site.back;
            if (!point) continue;
            for (BodySide side : sides) {
                const BodyMapPoint at = algocore::records::side_position(*point, side);
                markers.push_back({i, side, view, QPointF(at.x, at.y)});
            }
        }
    }
    return markers;
}

BodySide side_at(BodyView view, double x_fraction) {
    if (std::abs(x_fraction - 0.5) <= kMidlineHalfWidth) return BodySide::Midline;
    const bool viewer_left = x_fraction < 0.5;
    if (view == BodyView::Front) return viewer_left ? BodySide::Right : BodySide::Left;
    return viewer_left ? BodySide::Left : BodySide::Right;
}

BodyMapPoint left_side_point(QPointF fraction, BodySide side) {
    return algocore::records::side_position({fraction.x(), fraction.y()}, side);
}

} // namespace algogui
