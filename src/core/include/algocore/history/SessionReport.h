#pragma once
// What a visit's report says, decided once for the GUI's Report button and `algoscope-cli
// report`. A visit is every session of one subject on one day of the clinic's local time
// (thresholds and treatment alike); each session has its section with the header (clinic,
// therapist), the subject, the session's date, device and calibration, a row per point (trials,
// mean, SD, CV, L/R %, change against the previous session with its MDC verdict), the body-map
// points with their values, every hold with its dose and a thinned trace, and the notes. Pressures
// are kPa; the renderer writes them in the chosen unit.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "algocore/WallClock.h"
#include "algocore/history/SubjectHistory.h"

namespace algocore {
class CalibrationStore;
}

namespace algocore::history {

/// Who hands the report over (from the settings or the command line).
struct ReportHeader {
    std::string clinic;
    std::string therapist;
};

/// One point's row in the report.
struct ReportPointRow {
    const PointSeries* point = nullptr;
    const PointVisit* visit = nullptr;
};

/// A body-map marker: where the point is (fractions of the outline box) and its value.
struct ReportMapPoint {
    bool front = true; ///< front view, else back
    records::BodyMapPoint at;
    double mean_kpa = 0.0;
};

/// A point of a hold's trace: seconds from the trace start and pressure; gap_before: the
/// signal was lost just before it, so no line joins it to the point before.
struct ReportTracePoint {
    double t_s = 0.0;
    double pressure_kpa = 0.0;
    bool gap_before = false;
};

/// A hold with its trace thinned for a small plot.
struct ReportHold {
    const HoldEntry* entry = nullptr;
    std::vector<ReportTracePoint> trace; ///< empty when the trace could not be read
    /// Stretches without signal found in the stored trace (for holds recorded before their
    /// losses were stored; see SignalLoss.h).
    std::vector<records::SignalLossRecord> losses_in_trace;
};

/// A device that measured in a session: its serial, the calibration it measured with, and
/// when it took over (the audit row's time; empty for the first).
struct DeviceInSession {
    std::string serial;
    CalibrationId calibration_id = kFactoryCalibration;
    std::string from_utc;
};

/// The devices of a session in the order they measured, from the session's row and the audited
/// changes of its device (records::kDeviceChangedReason); one when it never changed.
std::vector<DeviceInSession> devices_of(const records::Session& session,
                                        const std::vector<records::AuditEntry>& audit);

/// One session's section of a visit's report. Points into the history it was built from.
struct SessionReport {
    ReportHeader header;
    const SessionEntry* session = nullptr;
    std::string subject_code;
    /// Every device that measured in the session, in order ("ALG-1, then ALG-2 from 09:14").
    std::string devices;
    std::size_t device_count = 1;
    /// The calibration of each, in the same order.
    std::string calibration_status;
    std::vector<ReportPointRow> rows;
    std::vector<ReportMapPoint> map;
    std::vector<ReportHold> holds;
    /// The trigger-point findings of the session's points (their zones go on the body map).
    std::vector<const FindingsEntry*> findings;
};

/// The report of a visit: every session of one subject on one local day, in time order.
struct VisitReport {
    ReportHeader header;
    std::string subject_code;
    std::string date; ///< the clinic's local day, "2026-11-23"
    std::vector<SessionReport> sessions;
    LocalTime printed; ///< when the report was made (the report job reads the wall clock)
};

/// Reads a hold's raw trace by hold id (nullopt when there is none).
using HoldTraceReader = std::function<std::optional<records::RawTrace>(records::RecordId)>;

/// Most points a hold's plot keeps (min/max per column, so peaks survive the thinning).
inline constexpr std::size_t kReportTracePoints = 400;

/// Thins a trace to at most about max_points, keeping each stretch's lowest and highest
/// sample; no stretch spans a loss of signal, and the first point after one says so.
std::vector<ReportTracePoint> thin_trace(const records::RawTrace& trace, std::size_t max_points);

/// "factory calibration", or "calibration record 1764..." when a record produced the data.
std::string default_calibration_status(const DeviceInSession& device);

/// The status of a device's calibration record in a store: "record 1764..., calibrated
/// 2026-10-01, valid until 2027-10-01", "... EXPIRED ...", or why it cannot be found.
std::string calibration_status_in(const CalibrationStore& store, const DeviceInSession& device);

/// The status of a device's calibration for the report (empty = default_calibration_status).
using CalibrationStatusOf = std::function<std::string(const DeviceInSession&)>;
/// A session's audited corrections (StorageReader::audit_log of the session's row).
using AuditOf = std::function<std::vector<records::AuditEntry>(records::RecordId session_id)>;

/// The report of session_id (0 = the newest session); nullopt when the subject has no such
/// session. Without audit_of the session had one device; without calibration_status each
/// calibration is said as default_calibration_status says it.
std::optional<SessionReport>
build_session_report(const SubjectHistory& history, records::RecordId session_id,
                     const ReportHeader& header, const HoldTraceReader& hold_trace,
                     const CalibrationStatusOf& calibration_status = {},
                     const AuditOf& audit_of = {});

/// The clinic's local day a session belongs to ("2026-11-23"); empty when its start cannot
/// be read. A visit is every session of a subject on one such day.
std::string local_day_of(const records::Session& session);
/// The clinic's local day of a moment (ISO 8601 UTC, as stored); empty when it cannot be read.
std::string local_day_of_utc(const std::string& utc_iso8601);

/// The report of the subject's visit on local_day (every session that day, in time order);
/// nullopt when no session falls on it.
std::optional<VisitReport> build_visit_report(const SubjectHistory& history,
                                              const std::string& local_day,
                                              const ReportHeader& header,
                                              const HoldTraceReader& hold_trace,
                                              const CalibrationStatusOf& calibration_status = {},
                                              const AuditOf& audit_of = {});

} // namespace algocore::history
