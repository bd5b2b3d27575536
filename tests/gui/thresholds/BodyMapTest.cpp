// The body map: clicks pick the right site on the front and the back, a click away from
// every site offers a custom one on the right side of the subject, markers are coloured by
// value on the scale, and a left/right difference is ringed on the more sensitive side.
#include <QtTest>

#include "algocore/storage/SiteLibrary.h"
#include "algogui/Screenshot.h"
#include "algogui/bodymap/BodyMapWidget.h"

using namespace algogui;
using algocore::records::BodySide;

namespace {
struct Click {
    QString key;
    int side = -1;
    int custom_side = -1;
    std::optional<BodyView> custom_view;
    QPointF custom_fraction;
};

void watch(BodyMapWidget& map, Click& click) {
    QObject::connect(&map, &BodyMapWidget::siteChosen, [&click](const QString& key, int side) {
        click.key = key;
        click.side = side;
    });
    QObject::connect(&map, &BodyMapWidget::customPointChosen,
                     [&click](BodyView view, QPointF fraction, int side) {
                         click.custom_view = view;
                         click.custom_fraction = fraction;
                         click.custom_side = side;
                     });
}

void shown(BodyMapWidget& map) {
    map.set_sites(algocore::storage::builtin_sites());
    map.resize(640, 660);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
}
} // namespace

class BodyMapTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void OutlinesLoadFromTheBuiltInResources() {
        BodyMapWidget map;
        QVERIFY(map.outlines_loaded());
    }

    void ClickOnTheFrontPicksTheNearestSiteOnTheSubjectsSide() {
        BodyMapWidget map;
        shown(map);
        Click click;
        watch(map, click);
        // Front view: the subject's left is on the viewer's right.
        const auto left = map.marker_position("tibialis_anterior", BodySide::Left, BodyView::Front);
        const auto right =
            map.marker_position("tibialis_anterior", BodySide::Right, BodyView::Front);
        QVERIFY(left && right);
        QVERIFY(left->x() > right->x());
        QTest::mouseClick(&map, Qt::LeftButton, {}, (*left + QPointF(3, -2)).toPoint());
        QCOMPARE(click.key, QStringLiteral("tibialis_anterior"));
        QCOMPARE(click.side, static_cast<int>(BodySide::Left));
        const auto masseter = map.marker_position("masseter", BodySide::Right, BodyView::Front);
        QTest::mouseClick(&map, Qt::LeftButton, {}, masseter->toPoint());
        QCOMPARE(click.key, QStringLiteral("masseter"));
        QCOMPARE(click.side, static_cast<int>(BodySide::Right));
    }

    void ClickOnTheBackPicksTheNearestSiteOnTheSubjectsSide() {
        BodyMapWidget map;
        shown(map);
        Click click;
        watch(map, click);
        // Back view: the subject's left is on the viewer's left.
        const auto left = map.marker_position("piriformis", BodySide::Left, BodyView::Back);
        const auto right = map.marker_position("piriformis", BodySide::Right, BodyView::Back);
        QVERIFY(left && right);
        QVERIFY(left->x() < right->x());
        QTest::mouseClick(&map, Qt::LeftButton, {}, right->toPoint());
        QCOMPARE(click.key, QStringLiteral("piriformis"));
        QCOMPARE(click.side, static_cast<int>(BodySide::Right));
        // Upper trapezius and levator scapulae are close: each click gets its own site.
        const auto trapezius =
            map.marker_position("upper_trapezius", BodySide::Left, BodyView::Back);
        QTest::mouseClick(&map, Qt::LeftButton, {}, trapezius->toPoint());
        QCOMPARE(click.key, QStringLiteral("upper_trapezius"));
        const auto levator =
            map.marker_position("levator_scapulae", BodySide::Left, BodyView::Back);
        QTest::mouseClick(&map, Qt::LeftButton, {}, levator->toPoint());
        QCOMPARE(click.key, QStringLiteral("levator_scapulae"));
        QCOMPARE(click.side, static_cast<int>(BodySide::Left));
    }

    void ClickAwayFromEverySiteOffersACustomSiteThere() {
        BodyMapWidget map;
        shown(map);
        Click click;
        watch(map, click);
        // The right side of the abdomen on the front view (viewer's left of the midline).
        const auto corner =
            map.marker_position("pectoralis_major", BodySide::Right, BodyView::Front);
        const auto thigh = map.marker_position("rectus_femoris", BodySide::Right, BodyView::Front);
        const QPointF belly((corner->x() + thigh->x()) / 2.0, (corner->y() + thigh->y()) / 2.0);
        QTest::mouseClick(&map, Qt::LeftButton, {}, belly.toPoint());
        QVERIFY(click.key.isEmpty());
        QVERIFY(click.custom_view.has_value());
        QCOMPARE(*click.custom_view, BodyView::Front);
        QCOMPARE(click.custom_side, static_cast<int>(BodySide::Right));
        QVERIFY(click.custom_fraction.x() < 0.5);
        QVERIFY(click.custom_fraction.y() > 0.2 && click.custom_fraction.y() < 0.7);
        // Stored as the left-side position: mirrored.
        const auto stored = left_side_point(click.custom_fraction, BodySide::Right);
        QVERIFY(stored.x > 0.5);
    }

    void OneColourIsOnePressureOnEverySubjectsMap() {
        // Two subjects measured at the same point: 300 kPa is one colour on both maps, however
        // different their other thresholds (the scale used to be fitted to each subject).
        BodyMapWidget first, second;
        first.set_values({{"upper_trapezius", BodySide::Left, 300.0, {}},
                          {"tibialis_anterior", BodySide::Left, 400.0, {}}});
        second.set_values({{"upper_trapezius", BodySide::Left, 300.0, {}},
                           {"tibialis_anterior", BodySide::Left, 900.0, {}}});
        QCOMPARE(*first.marker_colour("upper_trapezius", BodySide::Left),
                 *second.marker_colour("upper_trapezius", BodySide::Left));
        QCOMPARE(first.scale().low_kpa(), second.scale().low_kpa());
        QCOMPARE(first.scale().high_kpa(), second.scale().high_kpa());
        // Beyond the range: the end colour, the number still on the marker.
        QCOMPARE(*second.marker_colour("tibialis_anterior", BodySide::Left),
                 ThresholdColourScale::colour_at(1.0));
    }

    void MarkersAreColouredByValueOnTheScale() {
        BodyMapWidget map;
        shown(map);
        map.set_values({{"thenar_eminence", BodySide::Left, 120.0, {}},
                        {"tibialis_anterior", BodySide::Right, 790.0, {}},
                        {"masseter", BodySide::Left, 450.0, {}}});
        QVERIFY(!map.marker_colour("masseter", BodySide::Right).has_value());
        const QColor low = *map.marker_colour("thenar_eminence", BodySide::Left);
        const QColor high = *map.marker_colour("tibialis_anterior", BodySide::Right);
        QVERIFY2(low.red() > 180 && low.blue() < 80, qPrintable(low.name()));    // sensitive: red
        QVERIFY2(high.blue() > 150 && high.red() < 80, qPrintable(high.name())); // blue
        QCOMPARE(map.scale().low_kpa(), algocore::storage::kBodyMapRangeKpa.low_kpa);
        QCOMPARE(map.scale().high_kpa(), algocore::storage::kBodyMapRangeKpa.high_kpa);

        // What is painted at the marker centre is that colour.
        const QImage image = map.grab().toImage();
        for (const auto& [key, side, colour] :
             {std::tuple{"thenar_eminence", BodySide::Left, low},
              std::tuple{"tibialis_anterior", BodySide::Right, high}}) {
            const QPoint at = map.marker_position(key, side, BodyView::Front)->toPoint();
            const QColor painted = image.pixelColor(at * image.devicePixelRatio());
            QVERIFY2(std::abs(painted.red() - colour.red()) < 12 &&
                         std::abs(painted.blue() - colour.blue()) < 12,
                     qPrintable(painted.name() + " vs " + colour.name()));
        }
    }

    void ALeftRightDifferenceIsRingedOnTheMoreSensitiveSide() {
        BodyMapWidget map;
        shown(map);
        map.set_values({{"upper_trapezius", BodySide::Left, 300.0, {}},
                        {"upper_trapezius", BodySide::Right, 420.0, {}},
                        {"gluteus_medius", BodySide::Left, 500.0, {}},
                        {"gluteus_medius", BodySide::Right, 520.0, {}}});
        const auto trapezius = map.flagged_asymmetry("upper_trapezius");
        QVERIFY(trapezius.has_value());
        QCOMPARE(trapezius->lower_side, 'L');
        QVERIFY(std::abs(trapezius->difference_pct - 100.0 * 120.0 / 360.0) < 0.01);
        QVERIFY(!map.flagged_asymmetry("gluteus_medius").has_value());

        // The ring is drawn: raising the threshold above the difference removes pixels.
        const QImage ringed = map.grab().toImage();
        map.set_asymmetry_pct(50.0);
        QVERIFY(!map.flagged_asymmetry("upper_trapezius").has_value());
        const QImage plain = map.grab().toImage();
        const QPoint at =
            map.marker_position("upper_trapezius", BodySide::Left, BodyView::Back)->toPoint();
        int differing = 0;
        for (int dy = -22; dy <= 22; ++dy)
            for (int dx = -22; dx <= 22; ++dx)
                differing += ringed.pixel(at + QPoint(dx, dy)) != plain.pixel(at + QPoint(dx, dy));
        QVERIFY2(differing > 40, qPrintable(QString::number(differing)));
    }

    void HoverTellsNameLandmarkAndLatestThreshold() {
        BodyMapWidget map;
        shown(map);
        map.set_values({{"infraspinatus", BodySide::Right, 412.0, QStringLiteral("2026-11-20")}});
        const auto at = map.marker_position("infraspinatus", BodySide::Right, BodyView::Back);
        const QString text = map.tooltip_at(*at);
        QVERIFY2(text.contains(QStringLiteral("Infraspinatus")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("right")));
        QVERIFY(text.contains(QStringLiteral("scapular spine")));
        QVERIFY(text.contains(QStringLiteral("412 kPa")));
        QVERIFY(text.contains(QStringLiteral("2026-11-20")));
        const auto other = map.marker_position("infraspinatus", BodySide::Left, BodyView::Back);
        QVERIFY(map.tooltip_at(*other).contains(QStringLiteral("No PPT")));
        QVERIFY(map.tooltip_at(QPointF(2, 2)).isEmpty());
    }

    void EveryLibrarySiteLandsOnTheBody() {
        BodyMapWidget map;
        QStringList off;
        for (const auto& marker : markers_for(algocore::storage::builtin_sites())) {
            if (map.on_body(marker.view, marker.fraction)) continue;
            off << QStringLiteral("%1 %2 %3")
                       .arg(QString::fromStdString(
                                algocore::storage::builtin_sites()[marker.site_index].key),
                            algocore::records::to_letter(marker.side),
                            marker.view == BodyView::Front ? "front" : "back");
        }
        QVERIFY2(off.isEmpty(), qPrintable(off.join(QStringLiteral(", "))));
        QVERIFY(!map.on_body(BodyView::Front, QPointF(0.02, 0.5))); // beside the body
    }

    void AClickBesideTheBodyOffersNothing() {
        BodyMapWidget map;
        shown(map);
        Click click;
        watch(map, click);
        const auto hand = map.marker_position("thenar_eminence", BodySide::Left, BodyView::Front);
        QTest::mouseClick(&map, Qt::LeftButton, {}, (*hand + QPointF(25, 0)).toPoint());
        QVERIFY(click.key.isEmpty());
        QVERIFY(!click.custom_view.has_value());
    }

    void ScreenshotIsNotBlank() {
        BodyMapWidget map;
        shown(map);
        map.set_values({{"upper_trapezius", BodySide::Left, 290.0, {}},
                        {"upper_trapezius", BodySide::Right, 410.0, {}},
                        {"tibialis_anterior", BodySide::Left, 620.0, {}},
                        {"thenar_eminence", BodySide::Right, 330.0, {}}});
        map.set_selection("upper_trapezius", BodySide::Left);
        const QString path = QDir::current().filePath(QStringLiteral("bodymap-test.png"));
        QString error;
        QVERIFY2(save_widget_png(map, path, &error), qPrintable(error));
        QVERIFY(distinct_colours(QImage(path)) >= 24);
    }
};

QTEST_MAIN(BodyMapTest)
#include "BodyMapTest.moc"
