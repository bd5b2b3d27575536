#include "algogui/bodymap/BodyMapWidget.h"

#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QSvgRenderer>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "BodyMapPalette.h"
#include "algogui/Theme.h"
#include "algogui/bodymap/ThresholdLegend.h"

// The outlines are compiled into the static algogui library; a static library's resources
// must be registered by name before first use.
static void register_bodymap_resources() {
    Q_INIT_RESOURCE(bodymap);
}

namespace algogui {

using algocore::protocols::SideDifference;
using algocore::records::BodySide;
using algocore::records::Site;

namespace {
constexpr double kCaptionPx = 26.0;
constexpr double kMarginPx = 8.0;
// A click reaches a marker within this many marker radii (at least kMinReachPx).
constexpr double kReachInRadii = 1.8;
constexpr double kMinReachPx = 12.0;
// The outline mask: twice the SVG's 200 x 440 units.
constexpr int kMaskWidthPx = 400;
constexpr int kMaskHeightPx = 880;

QString side_word(BodySide side) {
    switch (side) {
    case BodySide::Left: return QStringLiteral("left");
    case BodySide::Right: return QStringLiteral("right");
    case BodySide::Midline: return QStringLiteral("midline");
    }
    return {};
}
} // namespace

BodyMapWidget::BodyMapWidget(QWidget* parent)
    : QWidget(parent), unit_(display_unit(QStringLiteral("kpa"))) {
    register_bodymap_resources();
    front_ = std::make_unique<QSvgRenderer>(QStringLiteral(":/bodymap/front.svg"));
    back_ = std::make_unique<QSvgRenderer>(QStringLiteral(":/bodymap/back.svg"));
    for (auto [renderer, mask] :
         {std::pair{front_.get(), &front_mask_}, std::pair{back_.get(), &back_mask_}}) {
        *mask = QImage(kMaskWidthPx, kMaskHeightPx, QImage::Format_ARGB32_Premultiplied);
        mask->fill(Qt::transparent);
        QPainter painter(mask);
        renderer->render(&painter, QRectF(0, 0, kMaskWidthPx, kMaskHeightPx));
    }
    setAccessibleName(tr("Body map"));
    setMouseTracking(true);
    setMinimumSize(minimumSizeHint());
}

BodyMapWidget::~BodyMapWidget() = default;

bool BodyMapWidget::outlines_loaded() const {
    return front_->isValid() && back_->isValid();
}

void BodyMapWidget::set_sites(std::vector<Site> sites) {
    sites_ = std::move(sites);
    markers_ = markers_for(sites_);
    update();
}

void BodyMapWidget::set_values(const std::vector<BodyMapValue>& values) {
    values_.clear();
    for (const BodyMapValue& value : values)
        values_[{value.site_key, value.side}] = value;
    update();
}

void BodyMapWidget::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    update();
}

void BodyMapWidget::set_asymmetry_pct(double pct) {
    if (pct > 0.0) asymmetry_pct_ = pct;
    update();
}

void BodyMapWidget::set_selection(const std::string& site_key, BodySide side) {
    selection_ = Point{site_key, side};
    update();
}

void BodyMapWidget::clear_selection() {
    selection_.reset();
    update();
}

void BodyMapWidget::set_zone(std::vector<algocore::records::RegionRef> zone) {
    zone_ = algocore::protocols::ordered_zone(std::move(zone));
    update();
}

void BodyMapWidget::set_zone_editable(bool editable) {
    zone_editable_ = editable;
    painting_.reset();
    setCursor(editable ? Qt::CrossCursor : Qt::ArrowCursor);
}

void BodyMapWidget::set_legend_visible(bool visible) {
    show_legend_ = visible;
    relayout();
    update();
}

std::optional<algocore::records::RegionRef> BodyMapWidget::region_at(QPointF widget_point) const {
    const auto hit = layout_.hit(widget_point);
    if (!hit || !on_body(hit->view, hit->fraction)) return std::nullopt;
    return algocore::protocols::region_at(hit->view == BodyView::Front
                                              ? algocore::protocols::BodyView::Front
                                              : algocore::protocols::BodyView::Back,
                                          hit->fraction.x(), hit->fraction.y());
}

std::optional<QPointF>
BodyMapWidget::region_centre(const algocore::records::RegionRef& region) const {
    const auto* r = algocore::protocols::find_region(region.key);
    const std::vector<double> box = algocore::protocols::region_box(region);
    if (!r || box.size() != 4) return std::nullopt;
    const BodyView view =
        r->view == algocore::protocols::BodyView::Front ? BodyView::Front : BodyView::Back;
    // The box's middle, or the nearest point of it on the drawn body (a region reaches past
    // the outline).
    const QPointF middle((box[0] + box[2]) / 2.0, (box[1] + box[3]) / 2.0);
    for (int step = 0; step <= 8; ++step) {
        for (const double dx : {0.0, -1.0, 1.0}) {
            const QPointF at(middle.x() + dx * step * (box[2] - box[0]) / 18.0, middle.y());
            if (on_body(view, at)) return layout_.to_widget(view, at);
        }
    }
    return std::nullopt;
}

void BodyMapWidget::mousePressEvent(QMouseEvent* event) {
    if (!zone_editable_ || event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const auto region = region_at(event->position());
    if (!region) return;
    // The first region decides: a drag begun on a shaded region erases, else it paints.
    painting_ = std::find(zone_.begin(), zone_.end(), *region) == zone_.end();
    paint_over(event->position());
}

void BodyMapWidget::mouseMoveEvent(QMouseEvent* event) {
    if (zone_editable_ && painting_ && (event->buttons() & Qt::LeftButton))
        paint_over(event->position());
    QWidget::mouseMoveEvent(event);
}

void BodyMapWidget::paint_over(QPointF widget_point) {
    const auto region = region_at(widget_point);
    if (!region || !painting_) return;
    const auto it = std::find(zone_.begin(), zone_.end(), *region);
    const bool shaded = it != zone_.end();
    if (*painting_ == shaded) return;
    if (*painting_)
        zone_.push_back(*region);
    else
        zone_.erase(it);
    zone_ = algocore::protocols::ordered_zone(std::move(zone_));
    update();
    Q_EMIT zoneChanged();
}

void BodyMapWidget::resizeEvent(QResizeEvent* event) {
    relayout();
    QWidget::resizeEvent(event);
}

void BodyMapWidget::relayout() {
    const QRectF all = QRectF(rect()).adjusted(kMarginPx, kMarginPx, -kMarginPx, -kMarginPx);
    const double legend_px = show_legend_ ? kThresholdLegendWidthPx : 0.0;
    const QRectF maps(all.left(), all.top(), all.width() - legend_px, all.height());
    layout_.place(maps, kCaptionPx);
    legend_box_ = QRectF(maps.right() + 6, all.top() + kCaptionPx, kThresholdLegendWidthPx - 6,
                         all.height() - kCaptionPx);
}

double BodyMapWidget::marker_radius_px() const {
    return std::clamp(4.5 * layout_.scale(), 6.0, 12.0);
}

const BodyMapValue* BodyMapWidget::value_at(const std::string& key, BodySide side) const {
    const auto it = values_.find({key, side});
    return it == values_.end() ? nullptr : &it->second;
}

std::optional<BodyMapMarker> BodyMapWidget::marker_near(QPointF widget_point) const {
    const double reach = std::max(kMinReachPx, kReachInRadii * marker_radius_px());
    std::optional<BodyMapMarker> best;
    double best_distance = reach;
    for (const BodyMapMarker& marker : markers_) {
        const QPointF at = layout_.to_widget(marker.view, marker.fraction);
        const double distance = std::hypot(at.x() - widget_point.x(), at.y() - widget_point.y());
        if (distance <= best_distance) {
            best_distance = distance;
            best = marker;
        }
    }
    return best;
}

std::optional<QPointF> BodyMapWidget::marker_position(const std::string& site_key, BodySide side,
                                                      BodyView view) const {
    for (const BodyMapMarker& marker : markers_) {
        if (marker.view == view && marker.side == side && sites_[marker.site_index].key == site_key)
            return layout_.to_widget(view, marker.fraction);
    }
    return std::nullopt;
}

std::optional<QColor> BodyMapWidget::marker_colour(const std::string& site_key,
                                                   BodySide side) const {
    const BodyMapValue* value = value_at(site_key, side);
    if (!value) return std::nullopt;
    return scale_.colour(value->pressure_kpa);
}

std::optional<SideDifference> BodyMapWidget::flagged_asymmetry(const std::string& site_key) const {
    const BodyMapValue* left = value_at(site_key, BodySide::Left);
    const BodyMapValue* right = value_at(site_key, BodySide::Right);
    if (!left || !right) return std::nullopt;
    const SideDifference difference =
        algocore::protocols::compare_sides(left->pressure_kpa, right->pressure_kpa);
    if (difference.difference_pct < asymmetry_pct_) return std::nullopt;
    return difference;
}

bool BodyMapWidget::on_body(BodyView view, QPointF fraction) const {
    const QImage& mask = view == BodyView::Front ? front_mask_ : back_mask_;
    const int x = static_cast<int>(fraction.x() * kMaskWidthPx);
    const int y = static_cast<int>(fraction.y() * kMaskHeightPx);
    if (x < 0 || y < 0 || x >= mask.width() || y >= mask.height()) return false;
    return qAlpha(mask.pixel(x, y)) > 0;
}

QString BodyMapWidget::tooltip_at(QPointF widget_point) const {
    const auto marker = marker_near(widget_point);
    if (!marker) return {};
    const Site& site = sites_[marker->site_index];
    QString text =
        QStringLiteral("<b>%1</b> (%2)")
            .arg(QString::fromStdString(site.name).toHtmlEscaped(), side_word(marker->side));
    if (!site.landmark.empty())
        text += QStringLiteral("<br>%1").arg(QString::fromStdString(site.landmark).toHtmlEscaped());
    if (const BodyMapValue* value = value_at(site.key, marker->side)) {
        text += QStringLiteral("<br>Latest PPT: <b>%1</b>")
                    .arg(unit_.format_with_symbol(value->pressure_kpa));
        if (!value->note.isEmpty())
            text += QStringLiteral(" (%1)").arg(value->note.toHtmlEscaped());
    } else {
        text += QStringLiteral("<br>No PPT recorded");
    }
    return text;
}

bool BodyMapWidget::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = tooltip_at(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void BodyMapWidget::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mouseReleaseEvent(event);
    if (zone_editable_) {
        painting_.reset();
        return;
    }
    const QPointF at = event->position();
    if (const auto marker = marker_near(at)) {
        const Site& site = sites_[marker->site_index];
        set_selection(site.key, marker->side);
        Q_EMIT siteChosen(QString::fromStdString(site.key), static_cast<int>(marker->side));
        return;
    }
    if (const auto hit = layout_.hit(at); hit && on_body(hit->view, hit->fraction)) {
        Q_EMIT customPointChosen(hit->view, hit->fraction,
                                 static_cast<int>(side_at(hit->view, hit->fraction.x())));
    }
}

void BodyMapWidget::paintEvent(QPaintEvent*) {
    if (layout_.scale() <= 0.0) relayout();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), theme::kBackground);

    QFont caption = font();
    caption.setPixelSize(16);
    caption.setBold(true);
    painter.setFont(caption);
    painter.setPen(theme::kText);
    for (BodyView view : {BodyView::Front, BodyView::Back}) {
        painter.drawText(layout_.caption_box(view), Qt::AlignHCenter | Qt::AlignVCenter,
                         view == BodyView::Front ? tr("Front") : tr("Back"));
        QSvgRenderer& outline = view == BodyView::Front ? *front_ : *back_;
        outline.render(&painter, layout_.view_box(view));
        paint_zone(painter, view);
    }
    paint_asymmetry(painter);
    paint_markers(painter);
    if (show_legend_) paint_threshold_legend(painter, legend_box_, scale_, unit_, asymmetry_pct_);
}

// The zone's regions filled inside the outline only (a region's rectangle reaches past the
// outline so that a tap at its edge finds it), with the region edges drawn thin.
void BodyMapWidget::paint_zone(QPainter& painter, BodyView view) const {
    if (zone_.empty() && !zone_editable_) return;
    const QRectF box = layout_.view_box(view);
    if (box.width() < 1.0) return;
    QImage layer(box.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    layer.fill(Qt::transparent);
    {
        QPainter p(&layer);
        const auto local = [&](const std::vector<double>& b) {
            return QRectF(b[0] * layer.width(), b[1] * layer.height(),
                          (b[2] - b[0]) * layer.width(), (b[3] - b[1]) * layer.height());
        };
        const auto protocol_view = view == BodyView::Front ? algocore::protocols::BodyView::Front
                                                           : algocore::protocols::BodyView::Back;
        if (zone_editable_) {
            // Where the regions are, so the therapist sees what a tap will shade.
            p.setPen(QPen(bodymap_palette::kRegionEdge, 1.0, Qt::DotLine));
            p.setBrush(Qt::NoBrush);
            for (const auto& r : algocore::protocols::body_regions()) {
                if (r.view != protocol_view) continue;
                for (auto side : {BodySide::Left, BodySide::Right})
                    p.drawRect(local(algocore::protocols::region_box({r.key, side})));
            }
        }
        p.setPen(Qt::NoPen);
        p.setBrush(bodymap_palette::kZoneFill);
        for (const auto& region : zone_) {
            const auto* r = algocore::protocols::find_region(region.key);
            if (r && r->view == protocol_view)
                p.drawRect(local(algocore::protocols::region_box(region)));
        }
        p.setCompositionMode(QPainter::CompositionMode_DestinationIn);
        p.drawImage(QRectF(QPointF(0, 0), QSizeF(layer.size())),
                    view == BodyView::Front ? front_mask_ : back_mask_);
    }
    painter.drawImage(box.topLeft(), layer);
}

void BodyMapWidget::paint_markers(QPainter& painter) const {
    const double r = marker_radius_px();
    QFont number = font();
    number.setPixelSize(12);
    number.setBold(true);
    painter.setFont(number);
    const QFontMetricsF metrics(number);
    std::vector<QRectF> labels; // drawn so far; a label that would overlap one is left out
    for (const BodyMapMarker& marker : markers_) {
        const Site& site = sites_[marker.site_index];
        const QPointF at = layout_.to_widget(marker.view, marker.fraction);
        const BodyMapValue* value = value_at(site.key, marker.side);
        if (!value) {
            painter.setPen(QPen(bodymap_palette::kEmptyOutline, 1.5));
            painter.setBrush(bodymap_palette::kEmptyFill);
            painter.drawEllipse(at, r * 0.6, r * 0.6);
        } else {
            painter.setPen(QPen(bodymap_palette::kValueOutline, 1.5));
            painter.setBrush(scale_.colour(value->pressure_kpa));
            painter.drawEllipse(at, r, r);
            // The number beside the marker, on the outer side of the body.
            const QString text = unit_.format(value->pressure_kpa);
            const double w = metrics.horizontalAdvance(text) + 6;
            const bool outward_left = marker.fraction.x() < 0.5;
            const QRectF box(outward_left ? at.x() - r - 2 - w : at.x() + r + 2,
                             at.y() - metrics.height() / 2, w, metrics.height());
            const bool overlaps =
                std::any_of(labels.begin(), labels.end(),
                            [&](const QRectF& other) { return other.intersects(box); });
            if (!overlaps) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(QColor(255, 255, 255, 220));
                painter.drawRoundedRect(box, 3, 3);
                painter.setPen(theme::kText);
                painter.drawText(box, Qt::AlignCenter, text);
                labels.push_back(box);
            }
        }
        if (selection_ && selection_->first == site.key && selection_->second == marker.side) {
            painter.setPen(QPen(bodymap_palette::kSelection, 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(at, r + 4, r + 4);
        }
    }
}

void BodyMapWidget::paint_asymmetry(QPainter& painter) const {
    const double r = marker_radius_px();
    QFont label = font();
    label.setPixelSize(12);
    label.setBold(true);
    painter.setFont(label);
    for (const Site& site : sites_) {
        const auto difference = flagged_asymmetry(site.key);
        if (!difference || difference->lower_side == '=') continue;
        const BodySide lower = difference->lower_side == 'L' ? BodySide::Left : BodySide::Right;
        for (BodyView view : {BodyView::Front, BodyView::Back}) {
            const auto at = marker_position(site.key, lower, view);
            const auto other = marker_position(
                site.key, lower == BodySide::Left ? BodySide::Right : BodySide::Left, view);
            if (!at || !other) continue;
            // A dashed link between the pair, a ring on the more sensitive side.
            painter.setPen(QPen(bodymap_palette::kAsymmetry, 1.5, Qt::DashLine));
            painter.drawLine(*at, *other);
            painter.setPen(QPen(bodymap_palette::kAsymmetry, 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(*at, r + 5, r + 5);
            const QString text = QStringLiteral("%1 −%2%")
                                     .arg(QChar(difference->lower_side))
                                     .arg(difference->difference_pct, 0, 'f', 0);
            // Under the marker's number, on the outer side, clear of the neighbouring points.
            const bool outward_left = at->x() < other->x();
            const QRectF box(outward_left ? at->x() - r - 62 : at->x() + r + 2, at->y() + r - 2, 60,
                             16);
            painter.drawText(
                box, (outward_left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, text);
        }
    }
}

} // namespace algogui
