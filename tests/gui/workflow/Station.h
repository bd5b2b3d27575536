#pragma once
// The station the workflow tests use as a user does: the main window on a workbench with a
// scratch database, at one of the three supported screen sizes, driven only by clicks and
// keys on its real widgets; and the examiner's hand on the algometer. The hand's samples
// reach the window as a device's do (LiveFeed::play_frame: the sessions, the live view and
// every page get them each display frame), stamped on their own clock, so a 30 s rest
// between trials takes a fraction of a second and the run is the same on a loaded machine.
// An unplug is the link lost for a stretch of that clock: no samples, NO SIGNAL, then the
// first sample back marked with the gap, as the acquisition marks it.
//
// What a page shows is compared with the store, read through the storage's reader half
// (StorageReader), never with the page's own model: numbers are parsed from the visible text.
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>
#include <numeric>
#include <vector>

#include "Algometer.h"
#include "algocore/Sample.h"
#include "algocore/session/Workbench.h"
#include "algocore/storage/OpenStorage.h"
#include "algogui/LiveFeed.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/ToneOutput.h"

namespace workflow {

/// The three window sizes every workflow runs at (issue 18's done-when).
inline const QList<QSize> kScreenSizes = {QSize(1024, 640), QSize(1280, 800), QSize(1920, 1080)};

/// Adds one QTest data row per screen size ("1024x640", ...).
inline void add_size_rows() {
    QTest::addColumn<QSize>("size");
    for (const QSize& size : kScreenSizes)
        QTest::newRow(qPrintable(QStringLiteral("%1x%2").arg(size.width()).arg(size.height())))
            << size;
}

/// Every number written in a text, in order ("445 ± 7" → 445, 7; "−21" → −21).
inline QList<double> numbers_in(const QString& text) {
    static const QRegularExpression number(QStringLiteral("([−+-]?)([0-9]+(?:\\.[0-9]+)?)"));
    QList<double> out;
    for (auto it = number.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const double magnitude = m.captured(2).toDouble();
        const QString sign = m.captured(1);
        out << ((sign == QStringLiteral("−") || sign == QStringLiteral("-")) ? -magnitude
                                                                             : magnitude);
    }
    return out;
}

/// The nth number in a text, or NaN when it has fewer.
inline double number_in(const QString& text, int nth = 0) {
    const QList<double> all = numbers_in(text);
    return nth < all.size() ? all[nth] : std::nan("");
}

/// A shown number agrees with a stored one when it is that number rounded as shown.
inline bool shown_as(double shown, double stored, int decimals = 0) {
    return std::abs(shown - stored) <= 0.5 * std::pow(10.0, -decimals) + 1e-9;
}

inline double mean_of(const std::vector<double>& v) {
    return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / v.size();
}

/// Sample standard deviation (n − 1), as every view reports it.
inline double sd_of(const std::vector<double>& v) {
    if (v.size() < 2) return 0.0;
    const double m = mean_of(v);
    double sum = 0.0;
    for (double x : v)
        sum += (x - m) * (x - m);
    return std::sqrt(sum / static_cast<double>(v.size() - 1));
}

/// The examiner's hand on the algometer: pressure as a function of time, sampled at
/// kRateHz and handed to the window one display frame at a time.
class Hand {
public:
    static constexpr double kRateHz = 100.0;

    explicit Hand(algogui::LiveFeed& feed) : feed_(feed) {}

    /// Applies pressure_at(seconds since this call) for `seconds`, frame_s of samples per
    /// display frame; buttons_at gives the device's button bits (the patient's button).
    void press(double seconds, const std::function<double(double)>& pressure_at,
               double frame_s = 0.1, const std::function<std::uint8_t(double)>& buttons_at = {}) {
        const double from = t_s_;
        const auto samples = static_cast<int>(std::lround(seconds * kRateHz));
        const auto per_frame = std::max(1, static_cast<int>(std::lround(frame_s * kRateHz)));
        std::vector<algocore::Sample> frame;
        for (int i = 1; i <= samples; ++i) {
            const double t_s = from + i / kRateHz;
            const double kpa = std::max(0.0, pressure_at(t_s - from));
            const std::uint8_t buttons = buttons_at ? buttons_at(t_s - from) : 0;
            const std::uint8_t flags = gap_next_ ? algocore::kGapBefore : 0;
            gap_next_ = false;
            algocore::Sample s;
            if (device_) {
                s = device_->measure(t_s, kpa, buttons, flags);
            } else {
                s.t_s = t_s;
                s.pressure_kpa = kpa;
                s.force_n = s.pressure_kpa / 10.0; // the standard 1 cm² tip
                s.raw_counts = static_cast<std::int32_t>(std::lround(s.pressure_kpa * 100.0));
                s.has_raw = true;
                s.buttons = buttons;
                s.flags = flags;
            }
            frame.push_back(s);
            t_s_ = s.t_s;
            pressure_kpa_ = kpa;
            if (static_cast<int>(frame.size()) == per_frame || i == samples) {
                feed_.play_frame(frame);
                frame.clear();
            }
        }
    }
    /// Holds the probe off the skin.
    void rest(double seconds) {
        press(
            seconds, [](double) { return 0.0; }, 0.5);
    }
    /// Ramps from zero at rate_kpa_s until `until_kpa` (after 0.5 s at rest).
    void ramp(double rate_kpa_s, double until_kpa) {
        rest(0.5);
        press(until_kpa / rate_kpa_s, [rate_kpa_s](double t) { return rate_kpa_s * t; });
    }
    /// After the pain signal: a little further at the same rate, then off the skin.
    void release(double rate_kpa_s) {
        const double from = pressure_kpa_;
        press(0.2, [from, rate_kpa_s](double t) { return from + rate_kpa_s * t; });
        const double peak = pressure_kpa_;
        press(0.4, [peak](double t) { return peak * std::max(0.0, 1.0 - t / 0.3); });
        rest(1.0);
    }
    /// The device is unplugged for `seconds` of its clock: the link is lost (the live view
    /// says so) and no sample arrives; the first sample after it carries the gap mark.
    void unplug(double seconds) {
        feed_.model().set_link(algocore::live::LinkState::Disconnected);
        t_s_ += seconds;
        gap_next_ = true;
    }

    /// Measures with this algometer from now on (plugged in first: Algometer::plug_into);
    /// without one the samples are the true pressure on the standard tip, calibration 0.
    void use(const Algometer* device) { device_ = device; }

    double now_s() const { return t_s_; }
    double pressure_kpa() const { return pressure_kpa_; }

private:
    algogui::LiveFeed& feed_;
    double t_s_ = 0.0;
    double pressure_kpa_ = 0.0;
    bool gap_next_ = false;
    const Algometer* device_ = nullptr;
};

/// Where the keyboard goes now, as the window system delivers it.
inline QWidget* keyboard() {
    if (QWidget* popup = QApplication::activePopupWidget()) return popup;
    return QApplication::focusWidget();
}

/// Scrolls every scroll area holding `widget` so it is in view, as a user scrolls to it.
inline void reveal(QWidget* widget) {
    for (QWidget* w = widget->parentWidget(); w; w = w->parentWidget())
        if (auto* scroll = qobject_cast<QScrollArea*>(w)) scroll->ensureWidgetVisible(widget, 4, 4);
}

/// A visible button whose text (without its & mnemonic) is `text`.
template <typename Button = QAbstractButton>
Button* button_in(QWidget& parent, const QString& text) {
    for (auto* b : parent.findChildren<Button*>())
        if (b->isVisible() && b->text().remove(QLatin1Char('&')) == text) return b;
    return nullptr;
}

/// Clicks a button as a user does: scrolled into view, pressed with the mouse. False when
/// it is not there to be clicked (hidden or disabled).
inline bool click(QAbstractButton* button) {
    if (!button || !button->isVisible() || !button->isEnabled()) return false;
    reveal(button);
    QTest::mouseClick(button, Qt::LeftButton, {}, button->rect().center());
    return true;
}

/// The line edit with this placeholder text (visible).
inline QLineEdit* field_in(QWidget& parent, const QString& placeholder) {
    for (auto* edit : parent.findChildren<QLineEdit*>())
        if (edit->isVisible() && edit->placeholderText() == placeholder) return edit;
    return nullptr;
}

/// Clicks into a text field, selects what is there and types `text`, then Return.
inline void type_into(QLineEdit* edit, const QString& text, bool press_return = true) {
    reveal(edit);
    QTest::mouseClick(edit, Qt::LeftButton, {}, edit->rect().center());
    edit->selectAll();
    QTest::keyClicks(edit, text);
    if (QWidget* popup = QApplication::activePopupWidget()) QTest::keyClick(popup, Qt::Key_Escape);
    if (press_return) QTest::keyClick(edit, Qt::Key_Return);
}

/// Types a code into a patient picker and presses Return, as PatientPickerTest does.
inline void pick_subject(QComboBox* picker, const QString& code) {
    reveal(picker);
    QTest::mouseClick(picker->lineEdit(), Qt::LeftButton, {}, picker->lineEdit()->rect().center());
    picker->lineEdit()->selectAll();
    QTest::keyClicks(picker->lineEdit(), code);
    QTest::keyClick(keyboard() ? keyboard() : picker->lineEdit(), Qt::Key_Return);
    if (QWidget* popup = QApplication::activePopupWidget()) QTest::keyClick(popup, Qt::Key_Escape);
}

/// Chooses the entry of a closed drop-down whose text starts with `text`, with the keyboard
/// (focus, then Down/Up until it shows): the way a user picks without the mouse.
inline bool choose_in(QComboBox* box, const QString& text) {
    int wanted = -1;
    for (int i = 0; i < box->count(); ++i)
        if (box->itemText(i).startsWith(text)) wanted = i;
    if (wanted < 0) return false;
    reveal(box);
    box->setFocus(Qt::TabFocusReason);
    for (int guard = 0; box->currentIndex() != wanted && guard < 100; ++guard)
        QTest::keyClick(box, box->currentIndex() < wanted ? Qt::Key_Down : Qt::Key_Up);
    return box->currentIndex() == wanted;
}

/// The window, its workbench and database, and the hand.
class Station {
public:
    /// seed writes what the clinic already had into the database before the window opens.
    Station(QSize size, const std::function<void(algocore::storage::Storage&)>& seed) {
        const std::string db = dir_.filePath(QStringLiteral("clinic.sqlite")).toStdString();
        if (seed) {
            auto opened = algocore::storage::open(db);
            if (!opened.storage) qFatal("%s", opened.error.c_str());
            seed(*opened.storage);
            if (!opened.storage->flush(std::chrono::seconds(10))) qFatal("seed not written");
            opened.storage->close();
        }
        algocore::session::WorkbenchOptions options;
        options.calibration_root = dir_.filePath(QStringLiteral("calibrations")).toStdString();
        workbench_ = std::make_unique<algocore::session::Workbench>(options);
        if (const std::string problem = workbench_->open_database(db); !problem.empty())
            qFatal("%s", problem.c_str());
        window_ = std::make_unique<algogui::MainWindow>(
            prefs_, std::make_unique<algogui::SilentToneOutput>(), workbench_.get());
        window_->resize(size);
        window_->show();
        window_->activateWindow();
        if (!QTest::qWaitForWindowActive(window_.get())) qFatal("the window did not activate");
        hand_ = std::make_unique<Hand>(window_->feed());
    }
    ~Station() {
        window_.reset();
        workbench_.reset();
    }

    algogui::MainWindow& window() { return *window_; }
    algocore::session::Workbench& workbench() { return *workbench_; }
    Hand& hand() { return *hand_; }
    QString path(const QString& name) const { return dir_.filePath(name); }

    /// The store, once everything handed to it is committed (reader half only).
    algocore::storage::StorageReader& store() {
        if (!workbench_->storage()->flush(std::chrono::seconds(20))) qWarning("flush timed out");
        return *workbench_->storage();
    }

    /// Clicks the page's tab in the window's tab bar.
    template <typename Page> Page* open_page(const QString& title) {
        auto* tabs = window_->findChild<QTabWidget*>();
        QTabBar* bar = tabs->tabBar();
        for (int i = 0; i < bar->count(); ++i)
            if (bar->tabText(i).remove(QLatin1Char('&')) == title) {
                QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(i).center());
                break;
            }
        auto* page = qobject_cast<Page*>(tabs->currentWidget());
        if (page) QTest::qWait(20); // its showEvent's reads are asked
        return page;
    }

    /// Lets answers of the storage arrive (the display tick delivers them).
    void settle(int ms = 100) { QTest::qWait(ms); }

private:
    QTemporaryDir dir_;
    algogui::Preferences prefs_{dir_.filePath(QStringLiteral("prefs.ini"))};
    std::unique_ptr<algocore::session::Workbench> workbench_;
    std::unique_ptr<algogui::MainWindow> window_;
    std::unique_ptr<Hand> hand_;
};

} // namespace workflow
