#include "algogui/DeviceBar.h"

#include <QComboBox>
#include <QDate>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <chrono>
#include <functional>

#include "algocal/CalibrationRecord.h"
#include "algocore/drivers/DriverFactory.h"
#include "algogui/ElidedLabel.h"
#include "algogui/Theme.h"

namespace algogui {
namespace {

QLabel* make_field(QWidget* parent, const QString& tip) {
    auto* label = new QLabel(parent);
    label->setToolTip(tip);
    label->setTextFormat(Qt::PlainText);
    return label;
}

void set_coloured(QLabel* label, const QString& text, const QColor& colour) {
    if (label->text() == text) return;
    label->setText(text);
    label->setStyleSheet(QStringLiteral("color: %1; font-weight: bold").arg(colour.name()));
}

// The port list re-reads the ports each time it opens, so a device plugged in after start
// appears without a restart.
class PortCombo final : public QComboBox {
public:
    using QComboBox::QComboBox;
    std::function<void()> before_popup;

protected:
    void showPopup() override {
        if (before_popup) before_popup();
        QComboBox::showPopup();
    }
};

// The port path stored with a list entry (the entry text adds the description).
constexpr int kPathRole = Qt::UserRole + 1;

std::chrono::year_month_day today() {
    const QDate now = QDate::currentDate();
    return std::chrono::year_month_day{std::chrono::year{now.year()},
                                       std::chrono::month{static_cast<unsigned>(now.month())},
                                       std::chrono::day{static_cast<unsigned>(now.day())}};
}

} // namespace

DeviceBar::DeviceBar(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(14);

    auto* port = new PortCombo(this);
    port->before_popup = [this] { refresh_ports(); };
    port_ = port;
    port_->setEditable(true); // any path can be typed, e.g. a by-id link
    port_->setMinimumWidth(150);
    port_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    port_->setMinimumContentsLength(14);
    port_->setToolTip(tr("Serial port of the algometer"));
    driver_ = new QComboBox(this);
    for (const std::string& name : algocore::driver_names())
        driver_->addItem(QString::fromStdString(name));
    driver_->setToolTip(tr("Device dialect (auto detects; wagner-fdix: FDIX continuous at 100/s)"));
    connect_ = new QPushButton(tr("Connect"), this);

    state_ = make_field(this, tr("Link state"));
    device_ = new ElidedLabel(this);
    device_->setToolTip(tr("Device model and serial number"));
    calibration_ = make_field(this, tr("Calibration in use"));
    // One quiet word for the link; the numbers behind it are in its tooltip. Its size is fixed
    // for the longest word, so a change of word never lays out the whole window again.
    signal_ = make_field(this, QString());
    signal_->setObjectName(QStringLiteral("SignalQuality"));
    signal_->setFixedSize(
        signal_->fontMetrics().horizontalAdvance(QStringLiteral("● Some readings lost")) + 8,
        signal_->sizeHint().height());
    // Long device names must not force the window wider than a laptop screen: the name is
    // elided, the tooltip has it whole.
    device_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    layout->addWidget(port_);
    layout->addWidget(driver_);
    layout->addWidget(connect_);
    layout->addWidget(state_);
    layout->addWidget(device_, 1);
    layout->addWidget(calibration_);
    layout->addWidget(signal_);

    connect(connect_, &QPushButton::clicked, this, [this] {
        if (connected_)
            Q_EMIT disconnectRequested();
        else
            Q_EMIT connectRequested(choice());
    });
    refresh_ports();
    show_status({}, false, nullptr);
}

void DeviceBar::set_port_lister(PortLister lister) {
    port_lister_ = std::move(lister);
    refresh_ports();
}

void DeviceBar::refresh_ports() {
    const QString current = choice().port;
    const QSignalBlocker quiet(port_);
    port_->clear();
    port_->addItem(kSimulatedPort);
    port_->setItemData(0, kSimulatedPort, kPathRole);
    if (port_lister_) {
        for (const Port& port : port_lister_()) {
            // The by-id name is long; its last part names the device well enough.
            QString text = port.path.section(QLatin1Char('/'), -1);
            if (!port.description.isEmpty()) text += QStringLiteral(" — ") + port.description;
            port_->addItem(text);
            const int row = port_->count() - 1;
            port_->setItemData(row, port.path, kPathRole);
            port_->setItemData(row, port.path + QLatin1Char('\n') + port.description,
                               Qt::ToolTipRole);
        }
    }
    select_port(current.isEmpty() ? kSimulatedPort : current);
}

void DeviceBar::select_port(const QString& path) {
    const int row = port_->findData(path, kPathRole);
    if (row >= 0)
        port_->setCurrentIndex(row);
    else
        port_->setCurrentText(path); // typed by hand, or not plugged in now
}

QStringList DeviceBar::port_entries() const {
    QStringList entries;
    for (int row = 0; row < port_->count(); ++row)
        entries += port_->itemText(row);
    return entries;
}

DeviceChoice DeviceBar::choice() const {
    DeviceChoice choice = base_choice_;
    // A listed entry opens its path; anything typed is opened as typed.
    const int row = port_->currentIndex();
    if (row >= 0 && port_->itemText(row) == port_->currentText())
        choice.port = port_->itemData(row, kPathRole).toString();
    else
        choice.port = port_->currentText().trimmed();
    choice.driver = driver_->currentText();
    return choice;
}

void DeviceBar::set_choice(const DeviceChoice& choice) {
    base_choice_ = choice;
    select_port(choice.port);
    driver_->setCurrentText(choice.driver);
}

void DeviceBar::show_status(const algocore::AcquisitionStatus& status, bool connected,
                            const std::shared_ptr<const algocal::CalibrationRecord>& calibration) {
    using Link = algocore::AcquisitionStatus::Link;
    connected_ = connected;
    connect_->setText(connected ? tr("Disconnect") : tr("Connect"));
    port_->setEnabled(!connected);
    driver_->setEnabled(!connected);

    QColor colour = theme::kMutedText;
    QString state = connected ? QString::fromLatin1(algocore::to_string(status.link)) : tr("idle");
    if (!connected && !waiting_for_.isEmpty())
        state = tr("waiting for %1").arg(waiting_for_.section(QLatin1Char('/'), -1));
    if (connected && status.link == Link::Connected)
        colour = theme::kInBand;
    else if (connected && status.link != Link::Connecting)
        colour = theme::kOverLimit;
    set_coloured(state_, QStringLiteral("● ") + state, colour);

    // The serial number identifies the device (and its calibration), so it comes first: when
    // the bar is narrow the model name is what gets cut, and the tooltip keeps the whole text.
    QString device = tr("no device");
    if (status.identity) {
        device = QString::fromStdString(status.identity->model);
        if (!status.identity->serial_number.empty())
            device = tr("S/N %1 · %2")
                         .arg(QString::fromStdString(status.identity->serial_number), device);
    }
    device_->set_full_text(device);

    // Missing or expired calibration: the factory calibration is in use; say so plainly.
    if (!calibration || status.calibration_id == algocore::kFactoryCalibration) {
        set_coloured(calibration_, tr("⚠ factory calibration"), theme::kAbove);
    } else if (calibration->is_expired(today())) {
        set_coloured(calibration_, tr("⚠ calibration #%1 EXPIRED").arg(calibration->id),
                     theme::kOverLimit);
    } else {
        set_coloured(calibration_, tr("✔ calibration #%1").arg(calibration->id), theme::kInBand);
    }

    show_signal_quality(status, connected);
}

void DeviceBar::show_signal_quality(const algocore::AcquisitionStatus& status, bool connected) {
    using algocore::live::SignalQuality;
    const double now_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    const algocore::live::LinkCounters counters{status.samples_delivered,
                                                status.driver.samples_lost + status.ring_drops,
                                                status.driver.bad_frames};
    const bool flowing = connected && status.link == algocore::AcquisitionStatus::Link::Connected;
    const SignalQuality quality = signal_meter_.update(now_s, counters, flowing);
    QString words = QString::fromLatin1(algocore::live::to_words(quality));
    words[0] = words[0].toUpper();
    const QColor colour = quality == SignalQuality::Poor       ? theme::kOverLimit
                          : quality == SignalQuality::SomeLoss ? theme::kAbove
                          : quality == SignalQuality::Good     ? theme::kInBand
                                                               : theme::kMutedText;
    const QString text = QStringLiteral("● ") + words;
    if (signal_->text() != text) {
        signal_->setText(text);
        // A good link stays quiet (plain weight); only a poor one is bold.
        signal_->setStyleSheet(QStringLiteral("color: %1%2")
                                   .arg(colour.name(), quality == SignalQuality::Poor
                                                           ? QStringLiteral("; font-weight: bold")
                                                           : QString()));
    }

    QString tip = tr("Signal quality: the readings of the last %1 s lost on the way or damaged")
                      .arg(algocore::live::SignalQualityMeter::kWindowS, 0, 'f', 0);
    if (flowing) {
        tip += tr("\n%1 readings per second").arg(status.sample_rate_hz, 0, 'f', 0);
        tip += tr("\nLast %1 s: %2 % lost or damaged")
                   .arg(algocore::live::SignalQualityMeter::kWindowS, 0, 'f', 0)
                   .arg(signal_meter_.recent_loss_pct(), 0, 'f', 2);
    }
    tip += tr("\nSince connecting: %1 lost, %2 damaged, %3 dropped by a slow display")
               .arg(status.driver.samples_lost)
               .arg(status.driver.bad_frames)
               .arg(status.ring_drops);
    if (signal_->toolTip() != tip) signal_->setToolTip(tip);
}

void DeviceBar::set_waiting_for(const QString& port) {
    waiting_for_ = port;
    state_->setToolTip(port.isEmpty() ? tr("Link state")
                                      : tr("The device used last time (%1) is not plugged in; it "
                                           "connects as soon as it is. Choose another port to "
                                           "use another device.")
                                            .arg(port));
}

QString DeviceBar::state_text() const {
    return state_->text();
}
QString DeviceBar::device_text() const {
    return device_->text();
}
QString DeviceBar::calibration_text() const {
    return calibration_->text();
}
QString DeviceBar::signal_text() const {
    return signal_->text();
}
QString DeviceBar::signal_tooltip() const {
    return signal_->toolTip();
}

} // namespace algogui
