#include "algotest/RecordingLink.h"

namespace algotest {

std::vector<algocore::LinkEvent> RecordingLink::events_of(algocore::LinkEvent::Kind kind) const {
    std::vector<algocore::LinkEvent> out;
    for (const auto& e : events)
        if (e.kind == kind) out.push_back(e);
    return out;
}

bool RecordingLink::has_event(algocore::LinkEvent::Kind kind, const std::string& text) const {
    for (const auto& e : events)
        if (e.kind == kind && e.message.find(text) != std::string::npos) return true;
    return false;
}

std::string RecordingLink::event_log() const {
    std::string out;
    for (const auto& e : events)
        out += std::string(algocore::to_string(e.kind)) + ": " + e.message + "\n";
    return out;
}

} // namespace algotest
