#include "algogui/Preferences.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>

#include "algocal/ProbeArea.h"
#include "algocal/Units.h"

namespace algogui {

Preferences::Preferences()
    : settings_(
          std::make_unique<QSettings>(QStringLiteral("Algoscope"), QStringLiteral("algoscope"))),
      report_header_path_(algocore::history::default_report_header_path()) {}

// Tests and screenshots keep everything, the report header too, beside their own file.
Preferences::Preferences(const QString& ini_path)
    : settings_(std::make_unique<QSettings>(ini_path, QSettings::IniFormat)),
      report_header_path_(
          QFileInfo(ini_path).dir().filePath(QStringLiteral("report-header.json")).toStdString()) {}

QString Preferences::unit_key() const {
    return settings_->value("display/unit", QStringLiteral("kpa")).toString();
}
void Preferences::set_unit_key(const QString& key) {
    settings_->setValue("display/unit", key);
}

// The report header lives in the file algoscope-cli report reads too (see
// ReportHeaderFile.h). A header saved by an older version in these settings is carried over
// the first time.
algocore::history::ReportHeader Preferences::report_header() const {
    if (!QFileInfo::exists(QString::fromStdString(report_header_path_)) &&
        settings_->contains("report/clinic")) {
        return {settings_->value("report/clinic").toString().toStdString(),
                settings_->value("report/therapist").toString().toStdString()};
    }
    return algocore::history::read_report_header(report_header_path_).header;
}
QString Preferences::set_report_header(const QString& clinic, const QString& therapist) {
    return QString::fromStdString(algocore::history::write_report_header(
        report_header_path_, {clinic.toStdString(), therapist.toStdString()}));
}
QString Preferences::report_header_path() const {
    return QString::fromStdString(report_header_path_);
}

QString Preferences::shared_server() const {
    return settings_->value("shared_study/server").toString();
}
QString Preferences::shared_station() const {
    return settings_->value("shared_study/station").toString();
}
void Preferences::set_shared_study(const QString& server, const QString& station) {
    settings_->setValue("shared_study/server", server);
    settings_->setValue("shared_study/station", station);
}

double Preferences::window_s() const {
    return std::clamp(settings_->value("display/window_s", 20.0).toDouble(), 5.0, 60.0);
}
void Preferences::set_window_s(double window_s) {
    settings_->setValue("display/window_s", window_s);
}

LiveTargets Preferences::targets() const {
    LiveTargets defaults;
    LiveTargets t;
    auto read = [&](const char* key, double fallback) {
        return settings_->value(QStringLiteral("targets/") + key, fallback).toDouble();
    };
    t.band_low_kpa = read("band_low_kpa", defaults.band_low_kpa);
    t.band_high_kpa = read("band_high_kpa", defaults.band_high_kpa);
    t.limit_kpa = read("limit_kpa", defaults.limit_kpa);
    t.hold_s = read("hold_s", defaults.hold_s);
    t.grace_s = read("grace_s", defaults.grace_s);
    t.ramp_rate_kpa_s = read("ramp_rate_kpa_s", defaults.ramp_rate_kpa_s);
    t.ramp_tolerance_kpa_s = read("ramp_tolerance_kpa_s", defaults.ramp_tolerance_kpa_s);
    // A hand-edited or older file must not start the session with an impossible target.
    return t.validate().ok() ? t : defaults;
}

void Preferences::set_targets(const LiveTargets& t) {
    settings_->setValue("targets/band_low_kpa", t.band_low_kpa);
    settings_->setValue("targets/band_high_kpa", t.band_high_kpa);
    settings_->setValue("targets/limit_kpa", t.limit_kpa);
    settings_->setValue("targets/hold_s", t.hold_s);
    settings_->setValue("targets/grace_s", t.grace_s);
    settings_->setValue("targets/ramp_rate_kpa_s", t.ramp_rate_kpa_s);
    settings_->setValue("targets/ramp_tolerance_kpa_s", t.ramp_tolerance_kpa_s);
}

bool Preferences::muted() const {
    return settings_->value("audio/muted", false).toBool();
}
void Preferences::set_muted(bool muted) {
    settings_->setValue("audio/muted", muted);
}
bool Preferences::continuous_tone() const {
    return settings_->value("audio/continuous_tone", false).toBool();
}
void Preferences::set_continuous_tone(bool on) {
    settings_->setValue("audio/continuous_tone", on);
}

DeviceChoice Preferences::device() const {
    DeviceChoice choice;
    choice.port = settings_->value("device/port", choice.port).toString();
    choice.driver = settings_->value("device/driver", choice.driver).toString();
    choice.probe_area_cm2 =
        settings_->value("device/probe_area_cm2", choice.probe_area_cm2).toDouble();
    if (!algocal::probe_area_in_range(choice.probe_area_cm2))
        choice.probe_area_cm2 = algocal::kStandardProbeAreaCm2;
    return choice;
}

void Preferences::set_device(const DeviceChoice& choice) {
    settings_->setValue("device/port", choice.port);
    settings_->setValue("device/driver", choice.driver);
    settings_->setValue("device/probe_area_cm2", choice.probe_area_cm2);
}

QByteArray Preferences::window_geometry() const {
    return settings_->value("window/geometry").toByteArray();
}
QByteArray Preferences::window_state() const {
    return settings_->value("window/state").toByteArray();
}
void Preferences::set_window_layout(const QByteArray& geometry, const QByteArray& state) {
    settings_->setValue("window/geometry", geometry);
    settings_->setValue("window/state", state);
}

void Preferences::sync() {
    settings_->sync();
}

QString default_database_path() {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("algoscope.sqlite"));
}

} // namespace algogui
