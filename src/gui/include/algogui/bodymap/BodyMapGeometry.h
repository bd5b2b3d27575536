#pragma once
// Where things are on the body map: the front and back outlines side by side, each a
// 200 x 440 box scaled to fit, and the markers of the site library on them. Site positions
// come from algocore's site library as fractions of that box for the subject's LEFT side;
// the right side is their mirror image (records::side_position).
#include <QPointF>
#include <QRectF>
#include <optional>
#include <vector>

#include "algocore/records/Records.h"

namespace algogui {

/// The two outlines.
enum class BodyView { Front, Back };

/// One clickable marker: a site on one side in one view.
struct BodyMapMarker {
    std::size_t site_index = 0; ///< into the site list the markers were made from
    algocore::records::BodySide side = algocore::records::BodySide::Left;
    BodyView view = BodyView::Front;
    QPointF fraction; ///< position as fractions of the 200 x 440 box
};

/// A point of a view, as fractions of its box.
struct BodyMapHit {
    BodyView view = BodyView::Front;
    QPointF fraction;
};

/// Placement of the two views inside a widget.
class BodyMapLayout {
public:
    /// Width : height of the outline box.
    static constexpr double kAspect = 200.0 / 440.0;

    /// area: where both views go; caption_px: height reserved above each view for its title.
    void place(const QRectF& area, double caption_px);
    QRectF view_box(BodyView view) const;
    QRectF caption_box(BodyView view) const;
    QPointF to_widget(BodyView view, QPointF fraction) const;
    /// The view under a widget point and its fractions; nullopt outside both boxes.
    std::optional<BodyMapHit> hit(QPointF widget_point) const;
    /// Pixels per box unit (the outline is 200 units wide).
    double scale() const { return front_.width() / 200.0; }

private:
    QRectF front_;
    QRectF back_;
    double caption_px_ = 0.0;
};

/// Every marker of a site list: paired sites on both sides, unpaired ones on the midline.
std::vector<BodyMapMarker> markers_for(const std::vector<algocore::records::Site>& sites);

/// The subject's side under a point of a view: the front view shows the subject's right on
/// the viewer's left, the back view their left; a narrow strip in the middle is the midline.
algocore::records::BodySide side_at(BodyView view, double x_fraction);

/// The stored (left-side) position of a point clicked on a side: mirrored for the right.
algocore::records::BodyMapPoint left_side_point(QPointF fraction, algocore::records::BodySide side);

} // namespace algogui
