#pragma once
// The teacher's window of the Class page tests: the main window with its shared study set to
// the throwaway server, at a laptop's 1280x800, opened on its Class page.
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <string>

#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/ToneOutput.h"
#include "algogui/class/ClassPage.h"

class TeacherWindow {
public:
    explicit TeacherWindow(const std::string& server_url)
        : prefs_(dir_.filePath(QStringLiteral("prefs.ini"))),
          window_(with_study(prefs_, server_url), std::make_unique<algogui::SilentToneOutput>()) {
        window_.resize(1280, 800);
        window_.show();
    }

    /// The Class page, shown, once the window is on screen; null when it never came up.
    algogui::classview::ClassPage* class_page() {
        if (!QTest::qWaitForWindowExposed(&window_)) return nullptr;
        auto* page = window_.findChild<algogui::classview::ClassPage*>();
        if (page) window_.show_page(page);
        return page;
    }
    algogui::MainWindow& window() { return window_; }

private:
    // The setting is read when the window is made, so it is written before.
    static algogui::Preferences& with_study(algogui::Preferences& prefs, const std::string& url) {
        prefs.set_shared_study(QString::fromStdString(url), QStringLiteral("teacher"));
        return prefs;
    }

    QTemporaryDir dir_;
    algogui::Preferences prefs_;
    algogui::MainWindow window_;
};
