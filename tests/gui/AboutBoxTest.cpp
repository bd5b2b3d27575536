// The About box, opened as a user would (the button at the end of the page tabs, or F1),
// names the version main() gave the application and this user's data folder, and its button
// is in view at the smallest window.
#include <QStandardPaths>
#include <QToolButton>
#include <QtTest>

#include "algogui/AboutDialog.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/Screenshot.h"
#include "algogui/ToneOutput.h"

using namespace algogui;

namespace {
const QString kVersion = QStringLiteral("9.8.7+git42.gabcdef0");

AboutDialog* shown_about(QWidget& window) {
    for (AboutDialog* dialog : window.findChildren<AboutDialog*>())
        if (dialog->isVisible()) return dialog;
    return nullptr;
}
} // namespace

class AboutBoxTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QCoreApplication::setApplicationVersion(kVersion); }

    void TheAboutButtonShowsTheVersionAndTheDataFolder() {
        QTemporaryDir dir;
        Preferences prefs(dir.filePath(QStringLiteral("prefs.ini")));
        MainWindow window(prefs, std::make_unique<SilentToneOutput>());
        window.resize(1024, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto* button = window.findChild<QToolButton*>(QStringLiteral("AboutButton"));
        QVERIFY(button);
        QVERIFY(button->isVisible());
        const QRect in_window(button->mapTo(&window, QPoint(0, 0)), button->size());
        QVERIFY2(window.rect().contains(in_window), "the About button is cut at 1024x640");

        QTest::mouseClick(button, Qt::LeftButton);
        AboutDialog* about = nullptr;
        QTRY_VERIFY((about = shown_about(window)) != nullptr);
        QVERIFY2(about->text().contains(QStringLiteral("Version ") + kVersion),
                 qPrintable(about->text()));
        const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QVERIFY(!data.isEmpty());
        QVERIFY2(about->text().contains(data.toHtmlEscaped()), qPrintable(about->text()));
        if (const QString folder = qEnvironmentVariable("ALGOSCOPE_SCREENSHOT_DIR");
            !folder.isEmpty()) {
            QString error;
            QVERIFY2(save_widget_png(*about, folder + QStringLiteral("/about.png"), &error),
                     qPrintable(error));
        }
        about->close();
        QTRY_VERIFY(shown_about(window) == nullptr);
    }

    void F1OpensTheAboutBox() {
        QTemporaryDir dir;
        Preferences prefs(dir.filePath(QStringLiteral("prefs.ini")));
        MainWindow window(prefs, std::make_unique<SilentToneOutput>());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QTest::keyClick(&window, Qt::Key_F1);
        QTRY_VERIFY(shown_about(window) != nullptr);
        QVERIFY(shown_about(window)->text().contains(kVersion));
    }
};

QTEST_MAIN(AboutBoxTest)
#include "AboutBoxTest.moc"
