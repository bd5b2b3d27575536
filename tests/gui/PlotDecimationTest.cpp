// The plot keeps a bounded history and decimates it to min/max per pixel column; a gap in
// the signal stays a break in the trace through both.
#include <QtTest>
#include <algorithm>

#include "algogui/LiveState.h"
#include "algogui/MinMaxDecimator.h"

using namespace algogui;

class PlotDecimationTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void KeepsAtMostTwoPointsPerColumnAndEverySpike() {
        std::vector<TracePoint> points;
        for (int i = 0; i < 60000; ++i)
            points.push_back({i / 1000.0, 100.0});
        points[31234].pressure_kpa = 900.0; // a 1 ms spike
        points[45678].pressure_kpa = -50.0;
        std::vector<TracePoint> out;
        MinMaxDecimator::decimate(points, 0.0, 60.0, 800, out);
        QVERIFY(out.size() <= 1600);
        QVERIFY(out.size() >= 800);
        double hi = 0, lo = 1e9;
        for (const TracePoint& p : out) {
            hi = std::max(hi, p.pressure_kpa);
            lo = std::min(lo, p.pressure_kpa);
        }
        QCOMPARE(hi, 900.0);
        QCOMPARE(lo, -50.0);
        for (std::size_t i = 1; i < out.size(); ++i)
            QVERIFY(out[i].t_s >= out[i - 1].t_s);
    }

    void ShowsOnlyTheVisibleWindow() {
        std::vector<TracePoint> points;
        for (int i = 0; i < 100; ++i)
            points.push_back({i * 0.1, double(i)});
        std::vector<TracePoint> out;
        MinMaxDecimator::decimate(points, 5.0, 9.9, 500, out);
        QCOMPARE(out.front().t_s, 5.0);
        QCOMPARE(out.back().t_s, 9.9);
        QCOMPARE(out.size(), std::size_t(50)); // few points: kept as they are
    }

    void HistoryIsBoundedInTimeAndCount() {
        TraceHistory history(2.0, 1000);
        for (int i = 0; i < 100000; ++i)
            history.append(i / 1000.0, 1.0);
        QVERIFY(history.size() <= 1000);
        QVERIFY(history.points().front().t_s >= 99.999 - 2.0 - 1e-9);
        QCOMPARE(history.latest_t_s(), 99.999);
        TraceHistory by_time(2.0, 100000);
        for (int i = 0; i < 10000; ++i)
            by_time.append(i / 100.0, 1.0);
        QCOMPARE(by_time.size(), std::size_t(201));
    }

    void HistoryStartsOverWhenTimeGoesBack() {
        TraceHistory history(10.0, 1000);
        history.append(5.0, 1.0);
        history.append(6.0, 1.0);
        history.append(0.1, 2.0); // a new session clock after a reconnect
        QCOMPARE(history.size(), std::size_t(1));
        QCOMPARE(history.points().front().pressure_kpa, 2.0);
    }

    void HistoryBreaksTheTraceWhereTheDeviceFlaggedAGap() {
        TraceHistory history(10.0, 10000);
        for (int i = 0; i < 100; ++i)
            history.append(i / 1000.0, 100.0);
        history.append(0.100, 300.0, true);
        const auto points = history.points();
        QCOMPARE(points.size(), std::size_t(102));
        QVERIFY(points[100].is_break());
        QCOMPARE(points[101].pressure_kpa, 300.0);
    }

    void HistoryBreaksTheTraceAtAJumpInTime() {
        TraceHistory history(10.0, 10000);
        for (int i = 0; i < 1000; ++i)
            history.append(i / 1000.0, 100.0);
        history.append(3.0, 100.0); // 2 s with nothing: a reconnect nobody flagged
        QCOMPARE(std::count_if(history.points().begin(), history.points().end(),
                               [](const TracePoint& p) { return p.is_break(); }),
                 1);
        QVERIFY(qAbs(history.typical_interval_s() - 0.001) < 1e-6);
    }

    // A serial gauge stamps whole chunks at arrival: 20 readings share a time, then 20 ms
    // pass. That is a steady stream, not a series of gaps.
    void HistoryDoesNotBreakABurstyStream() {
        TraceHistory history(10.0, 10000);
        for (int chunk = 0; chunk < 200; ++chunk)
            for (int i = 0; i < 20; ++i)
                history.append(chunk * 0.02, 100.0 + i);
        QCOMPARE(std::count_if(history.points().begin(), history.points().end(),
                               [](const TracePoint& p) { return p.is_break(); }),
                 0);
    }

    void DecimationKeepsABreakAndNoColumnSpansIt_data() {
        QTest::addColumn<int>("rate_hz");
        QTest::newRow("few points: kept as they are") << 50;
        QTest::newRow("many points: min/max columns") << 2000;
    }
    void DecimationKeepsABreakAndNoColumnSpansIt() {
        QFETCH(int, rate_hz);
        // 300 kPa until 4 s, the link is down until 7 s, then 100 kPa until 10 s.
        TraceHistory history(12.0, 100000);
        for (int i = 0; i < 4 * rate_hz; ++i)
            history.append(double(i) / rate_hz, 300.0);
        for (int i = 7 * rate_hz; i < 10 * rate_hz; ++i)
            history.append(double(i) / rate_hz, 100.0, i == 7 * rate_hz);
        std::vector<TracePoint> out;
        MinMaxDecimator::decimate(history.points(), 0.0, 10.0, 400, out);
        const auto gap =
            std::find_if(out.begin(), out.end(), [](const TracePoint& p) { return p.is_break(); });
        QVERIFY(gap != out.end());
        QCOMPARE(
            std::count_if(out.begin(), out.end(), [](const TracePoint& p) { return p.is_break(); }),
            1);
        QVERIFY(gap != out.begin() && gap + 1 != out.end());
        for (auto it = out.begin(); it != gap; ++it)
            QCOMPARE(it->pressure_kpa, 300.0);
        for (auto it = gap + 1; it != out.end(); ++it)
            QCOMPARE(it->pressure_kpa, 100.0);
        QVERIFY((gap - 1)->t_s < 4.0);
        QVERIFY((gap + 1)->t_s >= 7.0);
    }

    // A break in a column with points on both sides splits the column, so a spike right
    // after the gap is still drawn and nothing joins across it.
    void ABreakInsideOneColumnSplitsIt() {
        std::vector<TracePoint> points;
        for (int i = 0; i < 1000; ++i)
            points.push_back({i / 1000.0, 100.0});
        points.push_back(TracePoint::break_at(1.0005));
        points.push_back({1.0005, 900.0});
        for (int i = 1001; i < 2000; ++i)
            points.push_back({i / 1000.0, 100.0});
        std::vector<TracePoint> out;
        MinMaxDecimator::decimate(points, 0.0, 2.0, 10, out);
        const auto gap =
            std::find_if(out.begin(), out.end(), [](const TracePoint& p) { return p.is_break(); });
        QVERIFY(gap != out.end());
        QCOMPARE((gap + 1)->pressure_kpa, 900.0);
        for (auto it = out.begin(); it != gap; ++it)
            QVERIFY(it->t_s < 1.0005);
    }
};

QTEST_MAIN(PlotDecimationTest)
#include "PlotDecimationTest.moc"
