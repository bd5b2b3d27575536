#include "algocore/LinkEvent.h"

namespace algocore {

const char* to_string(LinkEvent::Kind kind) {
    switch (kind) {
    case LinkEvent::Kind::Connected: return "connected";
    case LinkEvent::Kind::Disconnected: return "disconnected";
    case LinkEvent::Kind::Button: return "button";
    case LinkEvent::Kind::Error: return "error";
    case LinkEvent::Kind::Warning: return "warning";
    case LinkEvent::Kind::Info: return "info";
    case LinkEvent::Kind::Cue: return "cue";
    }
    return "unknown";
}

} // namespace algocore
