#include "algocore/sharedstudy/ClassHandOut.h"

#include <filesystem>

#include "algocore/sharedstudy/ClassExercise.h"
#include "algocore/sharedstudy/ServerConnection.h"
#include "algocore/sharedstudy/StationPush.h"
#include "algocore/storage/OpenStorage.h"

namespace algocore::sharedstudy {

StoredTemplates stored_templates(const std::string& db) {
    StoredTemplates out;
    if (!std::filesystem::is_regular_file(db)) {
        out.error = "no database at " + db;
        return out;
    }
    storage::OpenOptions read_only;
    read_only.writable = false;
    auto opened = storage::open(db, read_only);
    if (!opened.storage) {
        out.error = opened.error;
        return out;
    }
    out.templates = opened.storage->templates();
    opened.storage->close();
    return out;
}

ExerciseHandedOut hand_out_exercise(const std::string& db, const std::string& address,
                                    const std::string& class_name, std::int64_t template_id,
                                    const std::string& schedule_json,
                                    const std::string& station_name) {
    ExerciseHandedOut out;
    StoredTemplates stored = stored_templates(db);
    if (!stored.error.empty()) {
        out.refused = stored.error;
        return out;
    }
    for (const auto& t : stored.templates)
        if (t.id == template_id) out.chosen = t;
    if (out.chosen.uuid.empty()) {
        out.refused = "no template " + std::to_string(template_id) + " in " + db +
                      " (algoscope-cli train templates lists them)";
        return out;
    }
    ServerOpen opened = ServerConnection::open(address);
    if (!opened.connection) {
        out.error = opened.error;
        return out;
    }
    ServerConnection& server = *opened.connection;
    // The template reaches the server as every record does: by this station's push.
    StationFileOpen station = StationFile::open(db);
    if (!station.file) {
        out.refused = station.error;
        return out;
    }
    PushOptions push;
    push.station_name = station_name;
    const PushReport pushed = push_station(*station.file, server, push);
    if (pushed.error) {
        out.error = pushed.error;
        out.error.message = "the template could not be pushed: " + pushed.error.message;
        return out;
    }
    const ClassFound assigned = assign_exercise(server, class_name, out.chosen.uuid, schedule_json);
    if (assigned.error) out.error = assigned.error;
    return out;
}

} // namespace algocore::sharedstudy
