#include "algogui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QScreen>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "algocore/acquisition/PortDiscovery.h"
#include "algocore/session/Workbench.h"
#include "algogui/AboutDialog.h"
#include "algogui/AudioCues.h"
#include "algogui/Banner.h"
#include "algogui/CoachView.h"
#include "algogui/DeviceBar.h"
#include "algogui/LiveFeed.h"
#include "algogui/LivePanel.h"
#include "algogui/Preferences.h"
#include "algogui/Theme.h"
#include "algogui/ToneOutput.h"
#include "algogui/WheelGuard.h"
#include "algogui/calibration/CalibrationWizard.h"
#include "algogui/class/ClassPage.h"
#include "algogui/history/HistoryPages.h"
#include "algogui/reliability/ReliabilityPages.h"
#include "algogui/thresholds/ThresholdsPage.h"
#include "algogui/treatment/TreatmentPages.h"

namespace algogui {

namespace {
constexpr double kWindowChoicesS[] = {5, 10, 20, 30, 60};

// Real serial ports for the device bar, after "Simulated algometer".
std::vector<DeviceBar::Port> list_serial_ports() {
    std::vector<DeviceBar::Port> ports;
    for (const algocore::PortInfo& info : algocore::PosixPortDiscovery().list_ports()) {
        ports.push_back(
            {QString::fromStdString(info.path), QString::fromStdString(info.description())});
    }
    return ports;
}

// The About box opens from the end of the page tabs, where the row has room at the smallest
// window, and from F1.
void add_about_button(QMainWindow& window, QTabWidget& pages) {
    auto* about = new QToolButton(&pages);
    about->setObjectName(QStringLiteral("AboutButton"));
    about->setText(QObject::tr("About"));
    about->setToolTip(QObject::tr("Version and where your data is (F1)"));
    about->setAutoRaise(true);
    pages.setCornerWidget(about, Qt::TopRightCorner);
    auto* shortcut = new QAction(&window);
    shortcut->setShortcut(QKeySequence::HelpContents);
    window.addAction(shortcut);
    const auto show_about = [&window] {
        auto* dialog = new AboutDialog(&window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    };
    QObject::connect(about, &QToolButton::clicked, &window, show_about);
    QObject::connect(shortcut, &QAction::triggered, &window, show_about);
}

} // namespace

MainWindow::MainWindow(Preferences& prefs, std::unique_ptr<ToneOutput> tone,
                       algocore::session::Workbench* workbench, QWidget* parent)
    : QMainWindow(parent), prefs_(prefs), unit_(display_unit(prefs.unit_key())) {
    setWindowTitle(tr("Algoscope"));
    setObjectName(QStringLiteral("AlgoscopeMainWindow"));
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, theme::kBackground);
    palette.setColor(QPalette::WindowText, theme::kText);
    setPalette(palette);
    QFont base = font();
    base.setPixelSize(16);
    setFont(base);
    qApp->installEventFilter(new WheelGuard(this));

    feed_ = workbench ? new LiveFeed(*workbench, this) : new LiveFeed(this);
    auto& bench = feed_->workbench();
    audio_ = new AudioCues(std::move(tone), this);
    device_bar_ = new DeviceBar(this);
    device_bar_->set_port_lister(&list_serial_ports);
    banner_ = new Banner(this);
    pages_ = new QTabWidget(this);
    // Tabs along the top: seven page names side by side fit a 1024 px wide window, while
    // down the side they need more height than a 640 px screen leaves (they scrolled, cut).
    pages_->setTabPosition(QTabWidget::North);
    pages_->setDocumentMode(true);
    // An explicit minimum overrides the largest page's size hint, so no page can force the
    // window bigger than the screen (or a --size screenshot) and squeeze the live view.
    pages_->setMinimumSize(480, 320);
    live_panel_ = new LivePanel(*feed_, pages_);
    coach_view_ = new CoachView(this);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(device_bar_);
    layout->addWidget(pages_, 1);
    setCentralWidget(central);
    // The banner lies in the bottom row, left of the shared study's controls: that row is
    // there at every size and otherwise empty, so a message covers no control and moves
    // nothing (between the device bar and the pages it pushed every page down by its height,
    // and the control about to be clicked moved away under the pointer).
    statusBar()->addWidget(banner_, 1);

    // Pages. Later panels add one line each here.
    add_page(tr("Live"), live_panel_);
    thresholds_ = new ThresholdsPage(bench, feed_, banner_, pages_);
    add_page(tr("Thresholds"), thresholds_);
    // The wizard saves where the workbench reads each device's active calibration.
    const std::string calibrations =
        !bench.calibration_store().root().empty()
            ? bench.calibration_store().root().string()
            : (QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
               QStringLiteral("/calibrations"))
                  .toStdString();
    add_page(tr("Calibration"), new calibration::CalibrationWizard(feed_, calibrations, pages_));
    add_treatment_pages(*this);
    add_reliability_page(*this);
    add_history_page(*this);
    add_page(tr("Class"), new classview::ClassPage(
                              prefs.shared_server(), prefs.shared_station(),
                              [&bench] { return bench.database_path(); }, pages_));

    build_toolbar();
    build_menu();
    add_about_button(*this, *pages_);
    show_database_in_title();
    connect(this, &MainWindow::databaseOpened, thresholds_, &ThresholdsPage::start_over);

    remembered_retry_ = new QTimer(this);
    remembered_retry_->setInterval(kRetryRememberedMs);
    connect(remembered_retry_, &QTimer::timeout, this, &MainWindow::try_remembered_device);
    connect(feed_, &LiveFeed::frameReady, this, &MainWindow::on_frame);
    connect(feed_, &LiveFeed::statusChanged, this, &MainWindow::on_status);
    connect(feed_, &LiveFeed::bannerMessage, banner_, &Banner::show_message);
    connect(device_bar_, &DeviceBar::connectRequested, this,
            [this](const DeviceChoice& choice) { connect_device(choice); });
    connect(device_bar_, &DeviceBar::disconnectRequested, this,
            [this] { feed_->disconnect_device(); });
    connect(live_panel_, &LivePanel::targetsEdited, this,
            [this](const LiveTargets& targets) { prefs_.set_targets(targets); });
    connect(coach_view_, &CoachView::closeRequested, this, [this] { show_coach_view(false); });

    live_panel_->set_targets(prefs.targets());
    set_unit(unit_.key);
    set_window_s(prefs.window_s());
    audio_->set_muted(prefs.muted());
    audio_->set_continuous_tone(prefs.continuous_tone());
    mute_->setChecked(prefs.muted());
    tone_->setChecked(prefs.continuous_tone());
    device_bar_->set_choice(prefs.device());
    resize(1280, 800);
}

MainWindow::~MainWindow() {
    feed_->disconnect_device();
    // The pages are views of the workbench's sessions: they go before the feed (and the
    // workbench it may own), which Qt would otherwise delete first, in creation order.
    delete pages_;
    delete coach_view_;
}

int MainWindow::add_page(const QString& title, QWidget* page) {
    return pages_->addTab(page, title);
}

void MainWindow::show_page(QWidget* page) {
    pages_->setCurrentWidget(page);
}

// The File menu opens from the start of the toolbar row rather than from a menu bar of its
// own: a menu bar is a row of height every page would lose at 1024×640.
void MainWindow::build_menu() {
    auto* file = new QMenu(tr("&File"), this);
    file->setObjectName(QStringLiteral("FileMenu"));
    QAction* open = file->addAction(tr("&Open database…"));
    open->setObjectName(QStringLiteral("OpenDatabase"));
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Work in another Algoscope database (the open one is closed)"));
    connect(open, &QAction::triggered, this, &MainWindow::ask_database);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    // The shortcuts work while the menu is closed too.
    addAction(open);
    addAction(quit);

    auto* bar = findChild<QToolBar*>(QStringLiteral("LiveControls"));
    auto* button = new QToolButton(bar);
    button->setObjectName(QStringLiteral("FileButton"));
    button->setText(tr("&File"));
    button->setMenu(file);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolTip(
        tr("Open another database (%1)").arg(open->shortcut().toString(QKeySequence::NativeText)));
    QAction* first = bar->actions().value(0);
    bar->insertSeparator(first);
    bar->insertWidget(bar->actions().value(0), button);
}

// The dialog does not block: the live view keeps drawing while a file is looked for.
void MainWindow::ask_database() {
    const QString open = QString::fromStdString(feed_->workbench().database_path());
    auto* dialog = new QFileDialog(this, tr("Open database"),
                                   open.isEmpty() ? QString() : QFileInfo(open).absolutePath(),
                                   tr("Algoscope databases (*.sqlite *.db);;All files (*)"));
    dialog->setObjectName(QStringLiteral("OpenDatabaseDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString& path) { open_database(path); });
    dialog->open();
}

bool MainWindow::open_database(const QString& path) {
    auto& bench = feed_->workbench();
    const QString open = QString::fromStdString(bench.database_path());
    if (!open.isEmpty() &&
        QFileInfo(path).canonicalFilePath() == QFileInfo(open).canonicalFilePath()) {
        banner_->show_message(BannerLevel::Info, tr("%1 is the open database").arg(open));
        return true;
    }
    const std::string problem = bench.open_database(path.toStdString());
    if (!problem.empty()) {
        banner_->show_message(
            BannerLevel::Error,
            tr("Database %1 cannot be used: %2 — %3")
                .arg(path, QString::fromStdString(problem),
                     open.isEmpty() ? tr("no database is open") : tr("%1 stays open").arg(open)));
        return false;
    }
    show_database_in_title();
    banner_->show_message(BannerLevel::Info, tr("Database %1 is open").arg(path));
    Q_EMIT databaseOpened();
    return true;
}

void MainWindow::show_database_in_title() {
    const QString open = QString::fromStdString(feed_->workbench().database_path());
    setWindowTitle(open.isEmpty() ? tr("Algoscope")
                                  : tr("%1 — Algoscope").arg(QFileInfo(open).fileName()));
    setWindowFilePath(open);
}

QAction* MainWindow::add_action(const QString& text, const QKeySequence& key, const QString& tip) {
    auto* action = new QAction(text, this);
    action->setShortcut(key);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    // Added to the coach view too, so the same keys work while it is full screen.
    addAction(action);
    coach_view_->addAction(action);
    return action;
}

void MainWindow::build_toolbar() {
    auto* bar = addToolBar(tr("Live controls"));
    bar->setObjectName(QStringLiteral("LiveControls"));
    bar->setMovable(false);
    QFont big = bar->font();
    big.setPixelSize(17);
    bar->setFont(big);

    QAction* hold =
        add_action(tr("Start/stop hold"), Qt::Key_Space, tr("Start a fresh hold or stop it"));
    QAction* mark = add_action(tr("Mark"), Qt::Key_M, tr("Put a mark on the trace"));
    QAction* tare = add_action(tr("Tare"), Qt::Key_T, tr("Zero the probe (at rest)"));
    ramp_ =
        add_action(tr("Ramp guide"), Qt::Key_R, tr("Draw the ramp corridor from each ramp start"));
    ramp_->setCheckable(true);
    ramp_->setChecked(true);
    coach_ = add_action(tr("Coach view"), Qt::Key_C, tr("Full-screen readout, band bar and timer"));
    coach_->setCheckable(true);
    mute_ = add_action(tr("Mute"), Qt::Key_A, tr("Silence the audio cues"));
    mute_->setCheckable(true);
    tone_ = add_action(tr("Tone"), Qt::Key_P, tr("Continuous tone, pitch follows the band"));
    tone_->setCheckable(true);

    connect(hold, &QAction::triggered, this, [this] { feed_->model().toggle_hold(); });
    connect(mark, &QAction::triggered, this, [this] { feed_->model().mark(); });
    connect(tare, &QAction::triggered, this, [this] { feed_->request_tare(); });
    connect(ramp_, &QAction::toggled, this,
            [this](bool on) { feed_->model().set_ramp_guidance(on); });
    connect(coach_, &QAction::toggled, this, [this](bool on) { show_coach_view(on); });
    connect(mute_, &QAction::toggled, this, [this](bool on) {
        audio_->set_muted(on);
        prefs_.set_muted(on);
    });
    connect(tone_, &QAction::toggled, this, [this](bool on) {
        audio_->set_continuous_tone(on);
        prefs_.set_continuous_tone(on);
    });

    for (QAction* action : {hold, mark, tare, ramp_, coach_, mute_, tone_})
        bar->addAction(action);
    bar->addSeparator();

    bar->addWidget(new QLabel(tr(" Unit "), bar));
    unit_picker_ = new QComboBox(bar);
    for (const DisplayUnit& unit : display_units())
        unit_picker_->addItem(unit.symbol, unit.key);
    bar->addWidget(unit_picker_);
    bar->addWidget(new QLabel(tr("  Window "), bar));
    window_picker_ = new QComboBox(bar);
    for (double s : kWindowChoicesS)
        window_picker_->addItem(tr("%1 s").arg(s), s);
    bar->addWidget(window_picker_);

    connect(unit_picker_, &QComboBox::activated, this,
            [this](int index) { set_unit(unit_picker_->itemData(index).toString()); });
    connect(window_picker_, &QComboBox::activated, this,
            [this](int index) { set_window_s(window_picker_->itemData(index).toDouble()); });
}

bool MainWindow::connect_device(const DeviceChoice& choice) {
    remembered_retry_->stop();
    device_bar_->set_waiting_for({});
    device_bar_->set_choice(choice);
    const bool ok = feed_->connect_device(choice);
    if (ok) prefs_.set_device(choice);
    return ok;
}

void MainWindow::connect_remembered_device(const DeviceChoice& choice) {
    if (choice.is_simulated()) {
        connect_device(choice);
        return;
    }
    remembered_ = choice;
    device_bar_->set_choice(choice);
    try_remembered_device();
    if (!feed_->connected()) remembered_retry_->start();
}

void MainWindow::try_remembered_device() {
    if (feed_->connect_device(remembered_, nullptr, LiveFeed::OnFailure::Quiet)) {
        remembered_retry_->stop();
        device_bar_->set_waiting_for({});
        return;
    }
    device_bar_->set_waiting_for(remembered_.port);
    on_status();
}

bool MainWindow::waiting_for_remembered_device() const {
    return remembered_retry_->isActive();
}

void MainWindow::restore_layout() {
    const bool restored = restoreGeometry(prefs_.window_geometry());
    restoreState(prefs_.window_state());
    // The first time, 1280×800 unless the screen is smaller: then the whole window, title
    // bar included, on the screen's free area (a 1280×800 laptop has a panel too).
    const QScreen* screen = this->screen();
    if (restored || !screen) return;
    constexpr int kTitleBarPx = 40;
    const QRect free = screen->availableGeometry();
    resize(QSize(1280, 800).boundedTo(free.size() - QSize(0, kTitleBarPx)));
    move(free.topLeft());
}

void MainWindow::set_unit(const QString& unit_key) {
    unit_ = display_unit(unit_key);
    prefs_.set_unit_key(unit_.key);
    unit_picker_->setCurrentIndex(unit_picker_->findData(unit_.key));
    live_panel_->set_unit(unit_);
    if (thresholds_) thresholds_->set_unit(unit_);
    Q_EMIT unitChanged(unit_);
}

void MainWindow::set_window_s(double window_s) {
    live_panel_->set_window_s(window_s);
    prefs_.set_window_s(window_s);
    int best = 0;
    for (int i = 0; i < window_picker_->count(); ++i) {
        if (window_picker_->itemData(i).toDouble() <= window_s) best = i;
    }
    window_picker_->setCurrentIndex(best);
}

void MainWindow::show_coach_view(bool on) {
    if (coach_->isChecked() != on) coach_->setChecked(on);
    if (on) {
        coach_view_->show_frame(feed_->model(), unit_);
        coach_view_->showFullScreen();
    } else {
        coach_view_->hide();
    }
}

void MainWindow::on_frame() {
    audio_->on_frame(feed_->model().take_cues(), feed_->model());
    if (coach_view_->isVisible()) coach_view_->show_frame(feed_->model(), unit_);
}

void MainWindow::on_status() {
    device_bar_->show_status(feed_->status(), feed_->connected(), feed_->calibration());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    prefs_.set_window_layout(saveGeometry(), saveState());
    prefs_.sync();
    coach_view_->hide();
    QMainWindow::closeEvent(event);
}

} // namespace algogui
