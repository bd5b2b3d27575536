// The plot keeps a bounded history and decimates it to min/max per pixel column.
#include <QtTest>

#include "algogui/MinMaxDecimator.h"
#include "algogui/TraceHistory.h"

using namespace algogui;

class PlotDecimationTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void KeepsAtMostTwoPointsPerColumnAndEverySpike() {
        std::vector<TracePoint> points;
        for (int i = 0; i < 60000; ++i) points.push_back({i / 1000.0, 100.0});
        points[31234].pressure_kpa = 900.0;  // a 1 ms spike
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
        for (std::size_t i = 1; i < out.size(); ++i) QVERIFY(out[i].t_s >= out[i - 1].t_s);
    }

    void ShowsOnlyTheVisibleWindow() {
        std::vector<TracePoint> points;
        for (int i = 0; i < 100; ++i) points.push_back({i * 0.1, double(i)});
        std::vector<TracePoint> out;
        MinMaxDecimator::decimate(points, 5.0, 9.9, 500, out);
        QCOMPARE(out.front().t_s, 5.0);
        QCOMPARE(out.back().t_s, 9.9);
        QCOMPARE(out.size(), std::size_t(50));  // few points: kept as they are
    }

    void HistoryIsBoundedInTimeAndCount() {
        TraceHistory history(2.0, 1000);
        for (int i = 0; i < 100000; ++i) history.append(i / 1000.0, 1.0);
        QVERIFY(history.size() <= 1000);
        QVERIFY(history.points().front().t_s >= 99.999 - 2.0 - 1e-9);
        QCOMPARE(history.latest_t_s(), 99.999);
        TraceHistory by_time(2.0, 100000);
        for (int i = 0; i < 10000; ++i) by_time.append(i / 100.0, 1.0);
        QCOMPARE(by_time.size(), std::size_t(201));
    }

    void HistoryStartsOverWhenTimeGoesBack() {
        TraceHistory history(10.0, 1000);
        history.append(5.0, 1.0);
        history.append(6.0, 1.0);
        history.append(0.1, 2.0);  // a new session clock after a reconnect
        QCOMPARE(history.size(), std::size_t(1));
        QCOMPARE(history.points().front().pressure_kpa, 2.0);
    }
};

QTEST_MAIN(PlotDecimationTest)
#include "PlotDecimationTest.moc"
