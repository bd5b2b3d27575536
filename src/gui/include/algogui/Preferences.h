#pragma once
// Preferences that outlive the program (QSettings): unit, plot window, targets, audio,
// the last device, and the window layout.
#include <QByteArray>
#include <QSettings>
#include <QString>
#include <memory>

#include "algocore/history/ReportHeaderFile.h"
#include "algogui/DeviceChoice.h"
#include "algogui/LiveState.h"

namespace algogui {

class Preferences {
public:
    /// The user's settings (Algoscope/algoscope).
    Preferences();
    /// Settings in a given INI file (tests, portable installs).
    explicit Preferences(const QString& ini_path);

    QString unit_key() const;
    void set_unit_key(const QString& key);
    double window_s() const;
    void set_window_s(double window_s);
    LiveTargets targets() const;
    void set_targets(const LiveTargets& targets);
    bool muted() const;
    void set_muted(bool muted);
    bool continuous_tone() const;
    void set_continuous_tone(bool on);
    DeviceChoice device() const;
    void set_device(const DeviceChoice& choice);
    /// The report header: clinic name and therapist, kept in the file algoscope-cli report
    /// reads too (report_header_path()).
    algocore::history::ReportHeader report_header() const;
    /// Saves the header; empty, or why it could not be saved.
    QString set_report_header(const QString& clinic, const QString& therapist);
    QString report_header_path() const;
    /// The shared study this station pushes to (a libpq address, never with a password) and
    /// its name there; an empty server means the station works alone.
    QString shared_server() const;
    QString shared_station() const;
    void set_shared_study(const QString& server, const QString& station);
    QByteArray window_geometry() const;
    QByteArray window_state() const;
    void set_window_layout(const QByteArray& geometry, const QByteArray& state);

    void sync();

private:
    std::unique_ptr<QSettings> settings_;
    std::string report_header_path_;
};

/// Default database: algoscope.sqlite in the application data folder (created if missing).
QString default_database_path();

} // namespace algogui
