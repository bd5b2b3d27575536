// Both live-plot renderers draw the band, the limit and the trace, report each paint with the
// samples it shows, and the QPainter one is the default.
#include <QImage>
#include <QScreen>
#include <QtTest>
#include <cmath>
#include <vector>

#include "TestSamples.h"
#include "algogui/LiveFeed.h"
#include "algogui/LivePanel.h"
#include "algogui/LiveState.h"
#include "algogui/PlotFactory.h"
#include "algogui/Theme.h"

using namespace algogui;

namespace {

// Pixels of roughly `colour` in the image (tolerance per channel).
int count_near(const QImage& image, const QColor& colour, int tolerance) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) <= tolerance &&
                std::abs(c.green() - colour.green()) <= tolerance &&
                std::abs(c.blue() - colour.blue()) <= tolerance)
                ++n;
        }
    }
    return n;
}

} // namespace

class PlotRendererTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void PainterIsTheDefault() {
        qunsetenv("ALGOSCOPE_PLOT");
        QCOMPARE(default_plot_renderer(), PlotRenderer::Painter);
        qputenv("ALGOSCOPE_PLOT", "qtcharts");
        QCOMPARE(default_plot_renderer(), PlotRenderer::QtCharts);
        qunsetenv("ALGOSCOPE_PLOT");
    }

    void DrawsBandLimitAndTrace_data() {
        QTest::addColumn<int>("renderer");
        QTest::newRow("painter") << static_cast<int>(PlotRenderer::Painter);
        QTest::newRow("qtcharts") << static_cast<int>(PlotRenderer::QtCharts);
    }

    void DrawsBandLimitAndTrace() {
        QFETCH(int, renderer);
        QWidget host;
        auto plot = make_pressure_plot(&host, static_cast<PlotRenderer>(renderer));
        plot->widget()->resize(640, 400);
        plot->set_window_s(10.0);
        PlotGuides guides;
        guides.band_valid = true;
        guides.band_low_kpa = 300;
        guides.band_high_kpa = 400;
        guides.limit_kpa = 500;
        plot->set_guides(guides);

        // A ramp to 350 kPa over 10 s at 1 kHz.
        std::vector<TracePoint> trace;
        for (int i = 0; i <= 10000; ++i)
            trace.push_back({i / 1000.0, 0.035 * i});
        std::uint64_t painted_with = 0;
        plot->set_paint_observer([&](std::uint64_t shown) { painted_with = shown; });
        PlotFrame frame;
        frame.trace = trace;
        frame.now_t_s = 10.0;
        frame.samples_shown = 10001;
        plot->show_frame(frame);

        const QImage image = plot->widget()->grab().toImage();
        QCOMPARE(painted_with, std::uint64_t{10001});
        QVERIFY2(count_near(image, theme::kTrace, 40) > 300, "the trace is drawn");
        QVERIFY2(count_near(image, theme::kOverLimit, 30) > 100, "the limit line is drawn");
        // The band fill is translucent green over white.
        QVERIFY2(count_near(image, QColor(0xc5, 0xda, 0xca), 12) > 5000, "the band is shaded");
    }

    void LeavesAGapInTheSignalEmpty_data() { DrawsBandLimitAndTrace_data(); }

    // 300 kPa, the link down from 4 s to 7 s, then 100 kPa: a line joining the two would look
    // like a slow release that never happened.
    void LeavesAGapInTheSignalEmpty() {
        QFETCH(int, renderer);
        QWidget host;
        auto plot = make_pressure_plot(&host, static_cast<PlotRenderer>(renderer));
        plot->widget()->resize(640, 400);
        plot->set_window_s(10.0);
        TraceHistory history(12.0, 20000);
        for (int i = 0; i < 4000; ++i)
            history.append(i / 1000.0, 300.0);
        for (int i = 7000; i <= 10000; ++i)
            history.append(i / 1000.0, 100.0, i == 7000);
        PlotFrame frame;
        frame.trace = history.points();
        frame.now_t_s = 10.0;
        plot->show_frame(frame);

        const QImage image = plot->widget()->grab().toImage();
        // Vertical strips inside the plot area, clear of the axis labels.
        auto trace_pixels = [&](double from_fraction, double to_fraction) {
            const QRect strip(int(image.width() * from_fraction), int(image.height() * 0.05),
                              int(image.width() * (to_fraction - from_fraction)),
                              int(image.height() * 0.75));
            return count_near(image.copy(strip), theme::kTrace, 40);
        };
        QVERIFY2(trace_pixels(0.25, 0.35) > 20, "the trace before the gap is drawn");
        QVERIFY2(trace_pixels(0.85, 0.92) > 20, "the trace after the gap is drawn");
        const int in_gap = trace_pixels(0.50, 0.62);
        QVERIFY2(in_gap == 0, qPrintable(QStringLiteral("%1 trace pixels in the gap").arg(in_gap)));
    }

    // The QPainter plot repaints only around the old and the new trace; what is on screen
    // after many frames must be exactly what a full repaint draws (no trail, no holes).
    void PartialRepaintsMatchAFullRepaint() {
        QWidget host;
        host.resize(640, 400);
        auto plot = make_pressure_plot(&host, PlotRenderer::Painter);
        plot->widget()->setGeometry(0, 0, 640, 400);
        plot->set_window_s(5.0);
        PlotGuides guides;
        guides.band_valid = true;
        guides.band_low_kpa = 300;
        guides.band_high_kpa = 400;
        guides.limit_kpa = 500;
        plot->set_guides(guides);
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));

        // A hold with tremor, a release, a gap and a mark, scrolling for two seconds.
        TraceHistory history(12.0, 20000);
        std::vector<PlotMarker> marks{{PlotMarker::Kind::Mark, 5.2, 340.0}};
        int painted = 0;
        plot->set_paint_observer([&](std::uint64_t) { ++painted; });
        for (int frame = 0; frame < 120; ++frame) {
            const double now = 4.0 + frame / 60.0;
            for (double t = history.latest_t_s() + 0.001; t <= now; t += 0.001) {
                if (t > 4.6 && t < 5.0) continue; // the link was down
                const double level = t < 5.5 ? 350.0 : 350.0 - 80.0 * (t - 5.5);
                history.append(t, level + 4.0 * std::sin(2 * M_PI * 9 * t), t > 5.0 && t < 5.0011);
            }
            PlotFrame f;
            f.trace = history.points();
            f.now_t_s = now;
            f.markers = marks;
            plot->show_frame(f);
            QCoreApplication::processEvents();
        }
        // Then a trace somewhere else entirely: the old one must be wiped, not just covered.
        TraceHistory elsewhere(12.0, 20000);
        for (double t = 1.0; t <= 6.0; t += 0.001)
            elsewhere.append(t, 120.0);
        PlotFrame f;
        f.trace = elsewhere.points();
        f.now_t_s = 6.0;
        plot->show_frame(f);
        QCoreApplication::processEvents();
        QVERIFY(painted > 60);
        const QImage on_screen =
            host.screen()->grabWindow(host.winId()).toImage().convertToFormat(QImage::Format_RGB32);
        const QImage full = plot->widget()->grab().toImage().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(on_screen.size(), full.size());
        int differ = 0;
        for (int y = 0; y < full.height(); ++y)
            for (int x = 0; x < full.width(); ++x)
                differ += on_screen.pixel(x, y) != full.pixel(x, y);
        QCOMPARE(differ, 0);
    }

    // Samples that arrive while another page is in front are on the plot as soon as the
    // Live page is shown again, even with no further sample.
    void HiddenLivePanelCatchesUpWhenShown() {
        LiveFeed feed;
        LivePanel panel(feed);
        panel.resize(1000, 700);
        std::uint64_t painted_with = 0;
        panel.plot().set_paint_observer([&](std::uint64_t shown) { painted_with = shown; });
        for (int i = 0; i < 500; ++i)
            feed.model().add_sample(sample_at(i / 100.0, i * 0.5));
        panel.show_frame(); // hidden: only the readout and timers follow
        QCOMPARE(painted_with, std::uint64_t{0});
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE(painted_with, std::uint64_t{500});
    }
};

QTEST_MAIN(PlotRendererTest)
#include "PlotRendererTest.moc"
