#pragma once
// Shared set-up of the measuring subcommands (ppt, hold): open the database, find or add the
// subject, find the site, start a session, start acquisition. Errors end the command with a
// clear message and a non-zero exit.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <string>

#include "algocore/acquisition/Acquisition.h"
#include "algocore/storage/SqliteStorage.h"

namespace cli_session {

struct Measuring {
    std::unique_ptr<algocore::storage::SqliteStorage> db;
    algocore::storage::Subject subject;
    algocore::storage::Site site;
    algocore::storage::BodySide side = algocore::storage::BodySide::Left;
    algocore::storage::RecordId session_id = 0;
};

[[noreturn]] inline void fail(const std::string& command, const std::string& message, int code) {
    std::cerr << "algoscope-cli " << command << ": " << message << "\n";
    throw CLI::RuntimeError(code);
}

inline Measuring open_measuring(const std::string& command, const std::string& db_path,
                                const std::string& subject_code, const std::string& site_name,
                                const std::string& side_text) {
    using namespace algocore::storage;
    Measuring m;
    if (!parse_side(side_text, m.side)) fail(command, "--side must be L or R, not " + side_text, 2);
    auto opened = SqliteStorage::open(db_path);
    if (!opened.storage) fail(command, opened.error, 2);
    m.db = std::move(opened.storage);
    const auto site = m.db->find_site(site_name);
    if (!site) {
        std::string known;
        for (const auto& s : m.db->sites())
            known += (known.empty() ? "" : ", ") + s.key;
        fail(command, "unknown site '" + site_name + "'; known sites: " + known, 2);
    }
    m.site = *site;
    if (const auto subject = m.db->find_subject(subject_code)) {
        m.subject = *subject;
    } else {
        Subject s;
        s.code = subject_code;
        s.id = m.db->add_subject(s).id;
        m.subject = s;
    }
    return m;
}

inline algocore::storage::RecordId begin_session(Measuring& m, double probe_cm2) {
    algocore::storage::Session session;
    session.subject_id = m.subject.id;
    session.probe_cm2 = probe_cm2;
    m.session_id = m.db->begin_session(session).id;
    return m.session_id;
}

} // namespace cli_session
