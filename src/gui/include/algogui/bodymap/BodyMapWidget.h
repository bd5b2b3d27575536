#pragma once
// The body map: front and back outlines (drawn from assets/bodymap/*.svg) with the site
// library's points on them. A click picks the nearest site within reach, or offers a custom
// site at the clicked point; thresholds show as coloured, numbered markers on a scale with a
// legend; a left/right difference beyond a set percentage is ringed and labelled on the
// more sensitive side. Hovering a point tells its name, landmark and latest threshold.
// A referred-pain zone (named regions, algocore::protocols::body_regions) is shaded on it;
// while the zone is editable a tap toggles the region under it and a drag paints (or, begun on
// a shaded region, erases) every region it passes over.
#include <QImage>
#include <QWidget>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "algocore/protocols/BodyRegions.h"
#include "algocore/protocols/SiteComparison.h"
#include "algocore/records/Records.h"
#include "algogui/DisplayUnit.h"
#include "algogui/bodymap/BodyMapGeometry.h"
#include "algogui/bodymap/ThresholdColourScale.h"

class QSvgRenderer;

namespace algogui {

/// A threshold to show at a point.
struct BodyMapValue {
    std::string site_key;
    algocore::records::BodySide side = algocore::records::BodySide::Left;
    double pressure_kpa = 0.0;
    QString note; ///< where it comes from ("this session", "2026-11-20"), for the tooltip
};

class BodyMapWidget : public QWidget {
    Q_OBJECT
public:
    explicit BodyMapWidget(QWidget* parent = nullptr);
    ~BodyMapWidget() override;

    /// Whether both outlines were found and parsed (they are built-in resources).
    bool outlines_loaded() const;

    void set_sites(std::vector<algocore::records::Site> sites);
    const std::vector<algocore::records::Site>& sites() const { return sites_; }
    /// Replaces the thresholds shown; the colour scale is fitted to them.
    void set_values(const std::vector<BodyMapValue>& values);
    void set_unit(const DisplayUnit& unit);
    /// Left/right differences at or above this percentage are ringed (default 20 %).
    void set_asymmetry_pct(double pct);
    double asymmetry_pct() const { return asymmetry_pct_; }
    void set_selection(const std::string& site_key, algocore::records::BodySide side);
    void clear_selection();

    /// The marker within reach of a widget point (nearest first), if any.
    std::optional<BodyMapMarker> marker_near(QPointF widget_point) const;
    /// Where a site's marker is drawn on a view (widget coordinates).
    std::optional<QPointF> marker_position(const std::string& site_key,
                                           algocore::records::BodySide side, BodyView view) const;
    /// Fill colour of a site's marker; nullopt when it has no value.
    std::optional<QColor> marker_colour(const std::string& site_key,
                                        algocore::records::BodySide side) const;
    /// The left/right difference of a site when it is flagged as asymmetric.
    std::optional<algocore::protocols::SideDifference>
    flagged_asymmetry(const std::string& site_key) const;
    const ThresholdColourScale& scale() const { return scale_; }
    /// The referred-pain zone shaded on the map (in the body map's one order).
    void set_zone(std::vector<algocore::records::RegionRef> zone);
    const std::vector<algocore::records::RegionRef>& zone() const { return zone_; }
    /// Taps and drags edit the zone instead of picking sites (default off).
    void set_zone_editable(bool editable);
    bool zone_editable() const { return zone_editable_; }
    /// Whether the threshold legend is drawn beside the outlines (default on).
    void set_legend_visible(bool visible);
    /// The region under a widget point (on the drawn body), if any.
    std::optional<algocore::records::RegionRef> region_at(QPointF widget_point) const;
    /// The middle of a region as drawn (widget coordinates), where a tap reaches it.
    std::optional<QPointF> region_centre(const algocore::records::RegionRef& region) const;

    /// Whether a point of a view (fractions of its box) lies on the drawn body.
    bool on_body(BodyView view, QPointF fraction) const;
    /// What the hover tooltip says at a point (empty away from markers).
    QString tooltip_at(QPointF widget_point) const;

    QSize sizeHint() const override { return {520, 600}; }
    /// 260 px high: at 1024×640 the Thresholds page's map shares its column with the Point
    /// box above the window's bottom row (320 laid it over the box).
    QSize minimumSizeHint() const override { return {300, 260}; }

Q_SIGNALS:
    /// A library (or custom) site was clicked.
    void siteChosen(const QString& site_key, int side);
    /// The zone was edited by a tap or a drag.
    void zoneChanged();
    /// A click on the body away from every site: a custom site could go here (side is a
    /// BodySide).
    void customPointChosen(algogui::BodyView view, QPointF fraction, int side);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    using Point = std::pair<std::string, algocore::records::BodySide>;
    void relayout();
    double marker_radius_px() const;
    const BodyMapValue* value_at(const std::string& key, algocore::records::BodySide side) const;
    void paint_markers(QPainter& painter) const;
    void paint_asymmetry(QPainter& painter) const;
    void paint_zone(QPainter& painter, BodyView view) const;
    void paint_over(QPointF widget_point);

    std::unique_ptr<QSvgRenderer> front_;
    std::unique_ptr<QSvgRenderer> back_;
    QImage front_mask_; // the outlines rendered once, to tell body from background
    QImage back_mask_;
    std::vector<algocore::records::Site> sites_;
    std::vector<BodyMapMarker> markers_;
    std::map<Point, BodyMapValue> values_;
    ThresholdColourScale scale_;
    DisplayUnit unit_;
    double asymmetry_pct_ = 20.0;
    std::optional<Point> selection_;
    BodyMapLayout layout_;
    QRectF legend_box_;
    std::vector<algocore::records::RegionRef> zone_;
    bool zone_editable_ = false;
    bool show_legend_ = true;
    std::optional<bool> painting_; ///< during a drag: true adds regions, false erases them
};

} // namespace algogui
