// A recording process for the crash test: records PPT trials with 1 kHz raw traces as fast
// as it can, and prints "committed <trial id> <ppt_kpa>" for each
// trial only after the storage reports it committed. The test kills it at a random moment.
#include <cstdio>
#include <string>

#include "algocore/storage/SqliteStorage.h"

int main(int argc, char** argv) {
    using namespace algocore::storage;
    if (argc != 2) {
        std::fprintf(stderr, "usage: algoscope-storage-recorder DB\n");
        return 2;
    }
    auto opened = SqliteStorage::open(argv[1]);
    if (!opened.storage) {
        std::fprintf(stderr, "%s\n", opened.error.c_str());
        return 1;
    }
    auto& db = *opened.storage;
    const auto known = db.find_subject("CRASH-1");
    const RecordId subject = known ? known->id : db.add_subject({0, "CRASH-1", {}, {}, {}, ""}).id;
    Session session;
    session.subject_id = subject;
    const RecordId session_id = db.begin_session(session).id;
    const RecordId site = db.find_site("upper_trapezius")->id;
    for (int i = 1; i < 1000000; ++i) {
        RawTrace trace;
        for (int k = 0; k < 2000; ++k) {
            const double t_s = 0.001 * k;
            trace.samples.push_back({t_s, k, 0.5 * t_s * 10, 50.0 * t_s, 0, 0});
        }
        Trial t;
        t.session_id = session_id;
        t.site_id = site;
        t.side = i % 2 ? BodySide::Left : BodySide::Right;
        t.index = i;
        t.ppt_kpa = 100.0 + 0.25 * i;
        t.valid = t.counted = true;
        t.outcome = "signalled";
        const auto written = db.record_trial(t, trace);
        if (!db.wait_committed(written.ticket, std::chrono::seconds{10})) {
            std::fprintf(stderr, "trial %d not committed: %s\n", i, db.status().message.c_str());
            return 1;
        }
        std::printf("committed %lld %.2f\n", static_cast<long long>(written.id), t.ppt_kpa);
        std::fflush(stdout);
    }
    return 0;
}
