#include "StationRecords.h"

#include <chrono>
#include <stdexcept>

namespace algotest {

using namespace algocore::storage;

RawTrace ramp_trace(int samples, double rate_kpa_s) {
    RawTrace trace;
    trace.samples.reserve(static_cast<std::size_t>(samples));
    for (int i = 0; i < samples; ++i) {
        const double t_s = 0.001 * i;
        const double pressure_kpa = rate_kpa_s * t_s + 0.25 * (i % 7);
        trace.samples.push_back({t_s, 1000 + 7 * i, pressure_kpa / 10.0, pressure_kpa,
                                 static_cast<std::uint8_t>(i == samples - 1 ? 2 : 0), 0});
    }
    return trace;
}

RecordId record_session(Storage& storage, const RecordedSession& r) {
    SessionOpening opening;
    opening.subject.code = r.subject_code;
    opening.by = Operator{kNoRecord, r.operator_name, "examiner"};
    opening.session.started_utc = r.started_utc;
    opening.session.device_serial = "SIM-0001";
    opening.session.probe_cm2 = 1.0;
    const RecordId session = storage.open_session(opening).id;
    WriteTicket last = 0;
    int n = 0;
    for (const std::string& key : r.sites) {
        const auto site = storage.find_site(key);
        if (!site) throw std::runtime_error("no site " + key);
        for (int i = 1; i <= r.trials_per_site; ++i, ++n) {
            Trial t;
            t.session_id = session;
            t.site_id = site->id;
            t.side = BodySide::Left;
            t.index = i;
            t.ppt_kpa = r.ppt_kpa + 11.0 * ((n * 7) % 5) - 20.0;
            t.rate_kpa_s = 49.0 + 0.1 * (n % 10);
            t.target_rate_kpa_s = 50.0;
            t.valid = true;
            t.counted = true;
            t.outcome = "signalled";
            t.preset = "dfns";
            t.in_corridor_pct = 92.0;
            t.ramp_start_t_s = 20.0 * n;
            t.signal_t_s = 20.0 * n + t.ppt_kpa / 50.0;
            t.peak_kpa = t.ppt_kpa + 12.0;
            if (i > 1) t.rest_s = 30.0;
            // The first trial of a point as one stored before the rate at the button was.
            if (i > 1) t.rate_at_button_kpa_s = 50.5 + 0.25 * n;
            // ... and before its session clock had a wall-clock anchor (schema 13).
            if (i > 1) t.clock_zero_utc = "2026-12-01T09:00:00.125Z";
            last = storage.record_trial(t, ramp_trace(r.samples_per_trace, 50.0)).ticket;
        }
    }
    const auto first_site = storage.find_site(r.sites.front());
    for (int i = 1; i <= r.holds; ++i) {
        Hold h;
        h.session_id = session;
        h.site_id = first_site->id;
        h.side = BodySide::Right;
        h.prescription = R"({"name":"simons"})";
        h.band_low_kpa = 250.0;
        h.band_high_kpa = 300.0;
        h.target_hold_s = 60.0;
        h.outcome = "complete";
        h.start_t_s = 1000.0 + 100.0 * i;
        h.metrics.duration_s = 75.0;
        h.metrics.time_in_band_s = 61.0;
        h.metrics.mean_kpa = 276.5;
        if (!r.hold_signal_losses.empty()) h.metrics.signal_losses = r.hold_signal_losses;
        h.release_marks = r.hold_release_marks;
        h.step_ups.push_back({30.0, 31.5, 260.0, 285.0});
        h.pain_rating_0_10 = 4;
        h.repetition = i;
        last = storage.record_hold(h, ramp_trace(r.samples_per_trace, 5.0)).ticket;
    }
    if (!storage.wait_committed(last, std::chrono::seconds(60)))
        throw std::runtime_error("the session was not committed");
    return session;
}

} // namespace algotest
