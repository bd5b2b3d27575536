// Every pressure plot breaks its line at a gap in the signal (samples flagged as lost, or a
// reconnect: a jump in time far longer than the usual interval) instead of drawing a straight
// diagonal across it, which would look like a slow release or a slow ramp.
#include <QImage>
#include <QtTest>

#include "TestSamples.h"
#include "algocore/session/Workbench.h"
#include "algogui/Banner.h"
#include "algogui/LiveState.h"
#include "algogui/Theme.h"
#include "algogui/thresholds/ThresholdsPage.h"
#include "algogui/training/AttemptPlot.h"
#include "algogui/treatment/TreatmentPage.h"

using namespace algogui;

namespace {

constexpr double kRateHz = 100.0;

// 100 Hz from t0 to t1 at a steady pressure; the first sample may carry the gap flag.
std::vector<algocore::Sample> steady(double t0_s, double t1_s, double kpa, bool flag_first) {
    std::vector<algocore::Sample> out;
    for (double t = t0_s; t <= t1_s + 1e-9; t += 1.0 / kRateHz) {
        out.push_back(sample_at(t, kpa));
        if (flag_first && out.size() == 1) out.back().flags |= algocore::kGapBefore;
    }
    return out;
}

// Two seconds, one lost sample flagged by the device (a 20 ms step: too short to see as a
// jump), one more second, then the device is away 1.5 s and comes back.
std::vector<std::vector<algocore::Sample>> stream_with_two_gaps() {
    return {steady(0.0, 2.0, 300.0, false), steady(2.02, 3.0, 310.0, true),
            steady(4.5, 5.5, 320.0, false)};
}

// Dark trace pixels in one column of the image between two rows.
int trace_pixels_in_column(const QImage& image, int x, int top, int bottom) {
    int dark = 0;
    for (int y = top; y <= bottom; ++y) {
        const QColor c = image.pixelColor(x, y);
        if (c.red() < 0x50 && c.green() < 0x50 && c.blue() < 0x50) ++dark;
    }
    return dark;
}

} // namespace

class PlotGapTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aFlaggedLossOrALongSilenceIsAGap() {
        GapDetector gaps;
        QVERIFY(!gaps.gap_before(0.00));
        for (int i = 1; i <= 50; ++i)
            QVERIFY(!gaps.gap_before(i / kRateHz));
        QVERIFY(gaps.gap_before(0.52, true)); // flagged, even when short
        QVERIFY(!gaps.gap_before(0.53));
        QVERIFY(gaps.gap_before(0.53 + GapDetector::kMinGapS + 0.01)); // nobody flagged it
        QCOMPARE(gaps.typical_interval_s(), 0.01);
    }

    void theThresholdsPlotBreaksAtEachGap() {
        algocore::session::Workbench workbench;
        Banner banner;
        ThresholdsPage page(workbench, nullptr, &banner);
        for (const auto& stretch : stream_with_two_gaps())
            page.show_samples(stretch);
        QCOMPARE(page.trace_history().breaks(), std::size_t{2});
    }

    void theTreatmentPlotBreaksAtEachGap() {
        algocore::session::Workbench workbench;
        TreatmentPage page(workbench, nullptr);
        for (const auto& stretch : stream_with_two_gaps())
            page.feed(stretch);
        QCOMPARE(page.trace_history().breaks(), std::size_t{2});
    }

    void theTrainingAttemptIsNotJoinedAcrossAGap_data() {
        QTest::addColumn<bool>("flagged");
        QTest::newRow("reconnect (a jump in time)") << false;
        QTest::newRow("lost samples flagged by the device") << true;
    }
    void theTrainingAttemptIsNotJoinedAcrossAGap() {
        QFETCH(bool, flagged);
        AttemptPlot plot;
        plot.resize(700, 320);
        // 0-3 s at 100 kPa, the device away until 6 s, then 300 kPa to 10 s.
        for (double t = 0.0; t <= 3.0 + 1e-9; t += 0.01)
            plot.append_attempt({t, 100.0});
        plot.append_attempt({6.0, 300.0}, flagged);
        for (double t = 6.01; t <= 10.0 + 1e-9; t += 0.01)
            plot.append_attempt({t, 300.0});
        QCOMPARE(plot.attempt_stretches(), std::size_t{2});

        const QImage image = plot.grab().toImage();
        // The plot area spans 70..684 px for 0..10 s and 34..280 px top to bottom.
        const auto x_at = [](double t_s) { return static_cast<int>(70 + 614 * t_s / 10.0); };
        QVERIFY2(trace_pixels_in_column(image, x_at(1.5), 34, 280) > 0, "no trace at all");
        QVERIFY2(trace_pixels_in_column(image, x_at(8.0), 34, 280) > 0, "no trace after the gap");
        QCOMPARE(trace_pixels_in_column(image, x_at(4.5), 34, 280), 0);
    }

    void aFlaggedGapInTheAttemptBreaksItsLineEvenWhenShort() {
        AttemptPlot plot;
        for (double t = 0.0; t <= 2.0 + 1e-9; t += 0.01)
            plot.append_attempt({t, 100.0});
        plot.append_attempt({2.02, 100.0}, true);
        plot.append_attempt({2.03, 100.0});
        QCOMPARE(plot.attempt_stretches(), std::size_t{2});
    }
};

QTEST_MAIN(PlotGapTest)
#include "PlotGapTest.moc"
