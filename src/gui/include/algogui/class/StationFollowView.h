#pragma once
// One station of the class followed large: who and what, its pressure as a big number with the
// band state (word, shape and colour, as the live view shows it) and its pressure trace of the
// last kTraceSeconds against the exercise's band, drawn as the watcher's pictures arrive.
#include <QWidget>
#include <deque>
#include <optional>
#include <string>

#include "algocore/sharedstudy/ClassProgress.h"

class QLabel;
class QPushButton;

namespace algogui::classview {

class StationFollowView : public QWidget {
    Q_OBJECT
public:
    /// The trace shows this much of the past.
    static constexpr double kTraceSeconds = 30.0;

    explicit StationFollowView(QWidget* parent = nullptr);

    /// Follows another station (its trace starts empty).
    void follow(const std::string& station);
    const std::string& followed() const { return station_; }
    /// The class as shown now; the followed station's values are taken from it.
    void show_class(const std::vector<algocore::sharedstudy::StationProgress>& stations);

    QLabel& title() { return *title_; }
    QLabel& pressure() { return *pressure_; }
    QLabel& band_state() { return *band_state_; }
    QPushButton& close_button() { return *close_; }
    /// Points of the trace (station time, kPa).
    std::size_t trace_points() const { return trace_.size(); }

Q_SIGNALS:
    void closeRequested();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Point {
        double t_utc_s;
        double kpa;
    };
    QRect trace_rect() const;

    std::string station_;
    std::optional<algocore::sharedstudy::StationProgress> shown_;
    std::deque<Point> trace_;
    QLabel* title_;
    QLabel* pressure_;
    QLabel* band_state_;
    QPushButton* close_;
};

} // namespace algogui::classview
