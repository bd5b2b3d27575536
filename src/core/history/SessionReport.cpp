#include "algocore/history/SessionReport.h"

#include <algorithm>

#include "algocal/CalendarDate.h"
#include "algocore/WallClock.h"
#include "algocore/calibration/CalibrationStore.h"
#include "algocore/history/SignalLoss.h"
#include "algocore/live/GapDetector.h"
#include "algocore/records/DeviceChange.h"

namespace algocore::history {

std::vector<ReportTracePoint> thin_trace(const records::RawTrace& trace, std::size_t max_points) {
    const auto& s = trace.samples;
    std::vector<ReportTracePoint> out;
    if (s.empty() || max_points < 2) return out;
    const double t0 = s.front().t_s;
    // The stretches with signal, each [begin, end): a thinned column never joins samples
    // across a loss, and the plot breaks there.
    std::vector<std::size_t> starts{0};
    live::GapDetector gaps;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (gaps.gap_before(s[i].t_s, (s[i].flags & kGapBefore) != 0) && i > 0) starts.push_back(i);
    starts.push_back(s.size());
    if (s.size() <= max_points) {
        for (std::size_t k = 0; k + 1 < starts.size(); ++k)
            for (std::size_t i = starts[k]; i < starts[k + 1]; ++i)
                out.push_back({s[i].t_s - t0, s[i].pressure_kpa, k > 0 && i == starts[k]});
        return out;
    }
    // Each column keeps its lowest and highest sample, in time order; a stretch's columns
    // are its share of the samples, and its last sample closes it so it spans its time.
    const std::size_t columns = (max_points - 1) / 2;
    for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
        const std::size_t first = starts[k], count = starts[k + 1] - first;
        const std::size_t own = std::max<std::size_t>(1, columns * count / s.size());
        const std::size_t opened = out.size();
        for (std::size_t c = 0; c < own && c < count; ++c) {
            const std::size_t begin = first + c * count / own;
            const std::size_t end = std::max(begin + 1, first + (c + 1) * count / own);
            std::size_t lo = begin, hi = begin;
            for (std::size_t i = begin; i < end; ++i) {
                if (s[i].pressure_kpa < s[lo].pressure_kpa) lo = i;
                if (s[i].pressure_kpa > s[hi].pressure_kpa) hi = i;
            }
            out.push_back({s[std::min(lo, hi)].t_s - t0, s[std::min(lo, hi)].pressure_kpa});
            if (hi != lo)
                out.push_back({s[std::max(lo, hi)].t_s - t0, s[std::max(lo, hi)].pressure_kpa});
        }
        const auto& last = s[starts[k + 1] - 1];
        if (out.back().t_s < last.t_s - t0) out.push_back({last.t_s - t0, last.pressure_kpa});
        out[opened].gap_before = k > 0;
    }
    return out;
}

std::vector<DeviceInSession> devices_of(const records::Session& session,
                                        const std::vector<records::AuditEntry>& audit) {
    // Each change wrote the new serial, then the new calibration when it differed (with the
    // one before as its old value); a calibration not written stayed as it was.
    std::vector<DeviceInSession> out;
    std::vector<std::optional<CalibrationId>> calibration;
    const auto id_of = [](const std::string& text) -> std::optional<CalibrationId> {
        try {
            return static_cast<CalibrationId>(std::stoull(text));
        } catch (...) {
            return std::nullopt;
        }
    };
    for (const records::AuditEntry& row : audit) {
        if (row.reason != records::kDeviceChangedReason) continue;
        if (row.field == "device_serial") {
            if (out.empty()) {
                out.push_back({row.old_value, kFactoryCalibration, {}});
                calibration.emplace_back();
            }
            out.push_back({row.new_value, kFactoryCalibration, row.when_utc});
            calibration.emplace_back();
        } else if (row.field == "calibration_id" && out.size() >= 2) {
            calibration[out.size() - 1] = id_of(row.new_value);
            calibration[out.size() - 2] = id_of(row.old_value);
        }
    }
    if (out.empty()) return {{session.device_serial, session.calibration_id, {}}};
    // From the last device back: one whose calibration was not written kept the next one's.
    CalibrationId next = session.calibration_id;
    for (std::size_t i = out.size(); i-- > 0;) {
        out[i].calibration_id = calibration[i].value_or(next);
        next = out[i].calibration_id;
    }
    return out;
}

std::string default_calibration_status(const DeviceInSession& device) {
    if (device.calibration_id == algocore::kFactoryCalibration)
        return "factory calibration (no calibration record)";
    return "calibration record " + std::to_string(device.calibration_id);
}

std::string calibration_status_in(const CalibrationStore& store, const DeviceInSession& device) {
    if (device.calibration_id == algocore::kFactoryCalibration)
        return default_calibration_status(device);
    const auto loaded = store.load(device.serial, device.calibration_id);
    const std::string id = "record " + std::to_string(device.calibration_id);
    if (!loaded.ok) return id + " (not in the calibration store: " + loaded.message + ")";
    return id + ", calibrated " + algocal::format_date(loaded.record.calibrated_on) +
           (loaded.expired ? ", EXPIRED " : ", valid until ") +
           algocal::format_date(loaded.record.expires_on);
}

std::optional<SessionReport>
build_session_report(const SubjectHistory& history, records::RecordId session_id,
                     const ReportHeader& header, const HoldTraceReader& hold_trace,
                     const CalibrationStatusOf& calibration_status, const AuditOf& audit_of) {
    SessionReport r;
    r.header = header;
    r.subject_code = history.subject().code;
    r.session =
        session_id == records::kNoRecord ? history.latest_session() : history.session(session_id);
    if (!r.session) return std::nullopt;
    const records::RecordId id = r.session->session.id;
    // Every device that measured, each with its own calibration: a visit that changed device
    // is not reported as measured throughout by the last one.
    const auto devices = devices_of(r.session->session,
                                    audit_of ? audit_of(id) : std::vector<records::AuditEntry>{});
    r.device_count = devices.size();
    for (std::size_t i = 0; i < devices.size(); ++i) {
        const DeviceInSession& device = devices[i];
        const std::string serial = device.serial.empty() ? "-" : device.serial;
        std::string status = calibration_status ? calibration_status(device) : std::string();
        if (status.empty()) status = default_calibration_status(device);
        // With more than one device each calibration names its device.
        if (devices.size() > 1) status = serial + ": " + status;
        const auto from = parse_utc_iso8601(device.from_utc);
        r.devices +=
            i == 0 ? serial : ", then " + serial + (from ? " from " + local_time(*from).time : "");
        r.calibration_status += (i == 0 ? "" : "; ") + status;
    }
    for (const PointSeries* p : history.points_in(id)) {
        const PointVisit* v = p->in_session(id);
        r.rows.push_back({p, v});
        if (v->n == 0 || p->measure != records::TrialMeasure::Ppt) continue;
        for (const bool front : {true, false}) {
            const auto& at = front ? p->site.front : p->site.back;
            if (at) r.map.push_back({front, records::side_position(*at, p->side), v->mean_kpa});
        }
    }
    for (const HoldEntry* e : history.holds_in(id)) {
        ReportHold hold;
        hold.entry = e;
        if (hold_trace)
            if (const auto trace = hold_trace(e->hold.id)) {
                hold.trace = thin_trace(*trace, kReportTracePoints);
                hold.losses_in_trace = signal_losses_in(*trace);
            }
        r.holds.push_back(std::move(hold));
    }
    r.findings = history.findings_in(id);
    return r;
}

std::string local_day_of(const records::Session& session) {
    return local_day_of_utc(session.started_utc);
}

std::string local_day_of_utc(const std::string& utc_iso8601) {
    const auto moment = parse_utc_iso8601(utc_iso8601);
    return moment ? local_time(*moment).date : std::string();
}

std::optional<VisitReport>
build_visit_report(const SubjectHistory& history, const std::string& local_day,
                   const ReportHeader& header, const HoldTraceReader& hold_trace,
                   const CalibrationStatusOf& calibration_status, const AuditOf& audit_of) {
    VisitReport visit;
    visit.header = header;
    visit.subject_code = history.subject().code;
    visit.date = local_day;
    // sessions() is in start order, so the sections are too.
    for (const SessionEntry& entry : history.sessions()) {
        if (local_day_of(entry.session) != local_day) continue;
        if (auto section = build_session_report(history, entry.session.id, header, hold_trace,
                                                calibration_status, audit_of))
            visit.sessions.push_back(std::move(*section));
    }
    if (visit.sessions.empty()) return std::nullopt;
    return visit;
}

} // namespace algocore::history
