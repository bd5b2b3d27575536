#pragma once
// Records of one subject for history tests: sessions on given days, trials and holds.
#include <string>

#include "algocore/records/SubjectRecords.h"

namespace algotest {

class HistoryRecords {
public:
    HistoryRecords() {
        records.subject = {1, "S014", {}, {}, {}, ""};
        algocore::records::Site trapezius;
        trapezius.id = 10;
        trapezius.key = "upper_trapezius";
        trapezius.name = "Upper trapezius";
        trapezius.mdc_kpa = 47.2;
        trapezius.back = algocore::records::BodyMapPoint{0.4, 0.2};
        algocore::records::Site custom;
        custom.id = 11;
        custom.key = "my_point";
        custom.name = "My point";
        records.sites = {trapezius, custom};
        records.operators = {{7, "Dr Who", "therapist"}};
    }

    algocore::records::RecordId session(const std::string& day) {
        algocore::records::Session s;
        s.id = static_cast<algocore::records::RecordId>(records.sessions.size() + 100);
        s.subject_id = 1;
        s.operator_id = 7;
        s.started_utc = day + "T10:00:00Z";
        s.device_serial = "AX-0042";
        records.sessions.push_back(s);
        return s.id;
    }

    void trial(algocore::records::RecordId session, algocore::records::RecordId site,
               algocore::records::BodySide side, double ppt_kpa, bool counted = true) {
        algocore::records::Trial t;
        t.id = static_cast<algocore::records::RecordId>(records.trials.size() + 1000);
        t.session_id = session;
        t.site_id = site;
        t.side = side;
        t.index = 1;
        for (const auto& other : records.trials)
            if (other.session_id == session && other.site_id == site && other.side == side)
                ++t.index;
        t.ppt_kpa = ppt_kpa;
        t.valid = true;
        t.counted = counted;
        records.trials.push_back(t);
    }

    algocore::records::Hold& hold(algocore::records::RecordId session) {
        algocore::records::Hold h;
        h.id = static_cast<algocore::records::RecordId>(records.holds.size() + 500);
        h.session_id = session;
        h.site_id = 10;
        h.band_low_kpa = 250;
        h.band_high_kpa = 300;
        h.target_hold_s = 90;
        h.outcome = "complete";
        h.metrics.duration_s = 92;
        h.metrics.time_in_band_s = 85;
        h.metrics.time_in_band_pct = 92.4;
        h.metrics.mean_kpa = 276;
        h.metrics.pti_kpa_s = 25300;
        h.step_ups = {{10, 12, 240, 270}, {40, 41, 260, 280}};
        h.pain_rating_0_10 = 4;
        records.holds.push_back(h);
        return records.holds.back();
    }

    algocore::records::SubjectRecords records;
};

} // namespace algotest
